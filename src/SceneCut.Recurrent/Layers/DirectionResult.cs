using SceneCut.Recurrent.Cells;

namespace SceneCut.Recurrent.Layers;

/// <summary>One direction's forward: its cache (outputs inside) and the state after its last real step.</summary>
/// <param name="Cache">Gate activations and y_t. </param>
/// <param name="FinalH">h after the last real step of each row. // (B, H)</param>
/// <param name="FinalC">c likewise for LSTM, empty otherwise. // (B, H)</param>
internal sealed record DirectionResult(CellCache Cache, float[] FinalH, float[] FinalC);
