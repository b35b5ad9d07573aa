namespace SceneCut.Recurrent.Cells;

/// <summary>
/// What one direction's forward keeps for its backward, for every step t of a batch. Cell-specific caches add
/// the gate activations. Rows of padded steps stay zero.
/// </summary>
internal abstract class CellCache
{
    protected CellCache(int steps, int batch, int hidden, bool hasCellState, bool keepHistory)
    {
        Steps = steps;
        Batch = batch;
        Hidden = hidden;
        KeepsHistory = keepHistory;
        HPrev = keepHistory ? new float[steps * batch * hidden] : [];
        CPrev = keepHistory && hasCellState ? new float[steps * batch * hidden] : [];
        Y = new float[steps * batch * hidden];
    }

    /// <summary>
    /// False for inference: the gate buffers then hold one step, reused at every step, and no h_{t-1} history is
    /// kept, so a forward pass allocates (B, H) per gate instead of (T, B, H).
    /// </summary>
    public bool KeepsHistory { get; }

    /// <summary>Steps the gate buffers hold: T with history, 1 without.</summary>
    protected static int GateSteps(int steps, bool keepHistory) => keepHistory ? steps : 1;

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

    /// <summary>Offset of row (t, b) in a gate buffer, which holds a single step when there is no history.</summary>
    public int GateRow(int t, int b) => ((KeepsHistory ? t : 0) * Batch + b) * Hidden;
}
