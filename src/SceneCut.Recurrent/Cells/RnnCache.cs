namespace SceneCut.Recurrent.Cells;

/// <summary>The vanilla RNN needs only h_t, which is already <see cref="CellCache.Y"/>.</summary>
internal sealed class RnnCache(int steps, int batch, int hidden, bool keepHistory)
    : CellCache(steps, batch, hidden, hasCellState: false, keepHistory);
