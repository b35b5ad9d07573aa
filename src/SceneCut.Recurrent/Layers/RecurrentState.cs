namespace SceneCut.Recurrent.Layers;

/// <summary>
/// Hidden (and for LSTM cell) state of a whole stack, in PyTorch's layout: index (layer × directions + direction).
/// </summary>
/// <param name="H">// (layers × directions, B, H)</param>
/// <param name="C">LSTM cell state, empty for RNN and GRU. // (layers × directions, B, H)</param>
public sealed record RecurrentState(float[] H, float[] C)
{
    public static RecurrentState Zeros(int slots, int batch, int hidden, bool hasCellState) =>
        new(new float[slots * batch * hidden], hasCellState ? new float[slots * batch * hidden] : []);
}
