namespace SceneCut.Recurrent.Cells;

/// <summary>Gate activations the GRU backward reads. Every buffer is (T, B, H).</summary>
internal sealed class GruCache(int steps, int batch, int hidden, bool keepHistory)
    : CellCache(steps, batch, hidden, hasCellState: false, keepHistory)
{
    /// <summary>z = σ(a_z), the update gate. // (T, B, H)</summary>
    public float[] Z { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>r = σ(a_r), the reset gate. // (T, B, H)</summary>
    public float[] R { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>n, the candidate state. // (T, B, H)</summary>
    public float[] N { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];

    /// <summary>W_hn h_{t-1} + b_hn, the hidden part of the candidate before the reset gate scales it. // (T, B, H)</summary>
    public float[] HnLinear { get; } = new float[GateSteps(steps, keepHistory) * batch * hidden];
}
