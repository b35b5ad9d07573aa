namespace SceneCut.Recurrent.Cells;

/// <summary>
/// What one direction's forward keeps for its backward, for every step t of a batch. Cell-specific caches add
/// the gate activations. Rows of padded steps stay zero.
/// </summary>
internal abstract class CellCache
{
    protected CellCache(int steps, int batch, int hidden, bool hasCellState)
    {
        Steps = steps;
        Batch = batch;
        Hidden = hidden;
        HPrev = new float[steps * batch * hidden];
        CPrev = hasCellState ? new float[steps * batch * hidden] : [];
        Y = new float[steps * batch * hidden];
    }

    public int Steps { get; }

    public int Batch { get; }

    public int Hidden { get; }

    /// <summary>h_{t-1}: the state fed into step t. // (T, B, H)</summary>
    public float[] HPrev { get; }

    /// <summary>c_{t-1} for LSTM, empty otherwise. // (T, B, H)</summary>
    public float[] CPrev { get; }

    /// <summary>y_t = h_t on real steps, 0 on padded ones. // (T, B, H)</summary>
    public float[] Y { get; }

    /// <summary>Offset of row (t, b) in a (T, B, H) buffer.</summary>
    public int Row(int t, int b) => (t * Batch + b) * Hidden;
}
