namespace SceneCut.Recurrent.Cells;

/// <summary>Gate activations and cell states the LSTM backward reads. Every buffer is (T, B, H).</summary>
internal sealed class LstmCache(int steps, int batch, int hidden, bool keepHistory)
    : CellCache(steps, batch, hidden, hasCellState: true, keepHistory)
{
    /// <summary>i = σ(a_i). // (T, B, H)</summary>
    public float[] I { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>f = σ(a_f). // (T, B, H)</summary>
    public float[] F { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>g = tanh(a_g). // (T, B, H)</summary>
    public float[] G { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>o = σ(a_o). // (T, B, H)</summary>
    public float[] O { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>c_t. // (T, B, H)</summary>
    public float[] C { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>tanh(c_t). // (T, B, H)</summary>
    public float[] TanhC { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];
}
