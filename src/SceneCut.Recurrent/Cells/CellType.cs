namespace SceneCut.Recurrent.Cells;

/// <summary>The recurrent cell a layer runs at every step.</summary>
public enum CellType
{
    /// <summary>Vanilla (Elman) RNN: h_t = tanh(W_x x_t + b_x + W_h h_{t-1} + b_h).</summary>
    Rnn = 0,

    /// <summary>LSTM with input, forget, cell (g) and output gates and a cell state.</summary>
    Lstm = 1,

    /// <summary>GRU with update (z) and reset (r) gates, reset applied after the hidden product (linear_before_reset = 1).</summary>
    Gru = 2,
}
