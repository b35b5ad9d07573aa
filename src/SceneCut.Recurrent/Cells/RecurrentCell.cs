namespace SceneCut.Recurrent.Cells;

/// <summary>
/// The per-step math of one cell type over a batch. The layer computes the input projection for all steps and
/// the hidden projection of each step with matrix products; the cell turns those pre-activations into the next
/// state and, in reverse, turns ∂L/∂h_t into pre-activation gradients.
/// Gates are packed in one row of G·H values per batch row for the matrix products; the cell names each gate.
/// </summary>
internal abstract class RecurrentCell
{
    protected RecurrentCell(int hidden) => Hidden = hidden;

    public int Hidden { get; }

    /// <summary>Gates per step (RNN 1, LSTM 4, GRU 3).</summary>
    public abstract int GateCount { get; }

    /// <summary>Gate names in packed order, e.g. i f g o.</summary>
    public abstract IReadOnlyList<string> GateNames { get; }

    public virtual bool HasCellState => false;

    /// <param name="keepHistory">Keep every step for a backward pass; false for inference.</param>
    public abstract CellCache CreateCache(int steps, int batch, bool keepHistory);

    /// <summary>
    /// One step for every batch row with t &lt; length: reads xProj = W_x x_t + b_x and hProj = W_h h_{t-1} + b_h
    /// (both (B, G·H)), updates h (and c) in place and fills the cache at t. Padded rows keep their state.
    /// </summary>
    public abstract void ForwardStep(CellCache cache, int t, ReadOnlySpan<float> xProj, ReadOnlySpan<float> hProj,
        Span<float> h, Span<float> c, ReadOnlySpan<int> lengths);

    /// <summary>
    /// Reverse of <see cref="ForwardStep"/> for every batch row with t &lt; length. On entry dh = ∂L/∂h_t and
    /// dc = ∂L/∂c_t; on exit dh holds the part of ∂L/∂h_{t-1} that bypasses W_h (the layer adds dA_h W_hᵀ) and
    /// dc = ∂L/∂c_{t-1}. dAx and dAh (B, G·H) receive the gradients of the input-side and hidden-side
    /// pre-activations. Padded rows pass dh and dc through unchanged and get zero pre-activation gradients.
    /// </summary>
    public abstract void BackwardStep(CellCache cache, int t, Span<float> dh, Span<float> dc, Span<float> dAx,
        Span<float> dAh, ReadOnlySpan<int> lengths);

    public static RecurrentCell Create(CellType type, int hidden) => type switch
    {
        CellType.Rnn => new RnnCell(hidden),
        CellType.Lstm => new LstmCell(hidden),
        CellType.Gru => new GruCell(hidden),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown cell type."),
    };
}
