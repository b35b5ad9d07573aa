using System.Numerics.Tensors;
using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.LinearAlgebra;

namespace SceneCut.Recurrent.Layers;

/// <summary>
/// One direction of one layer: the cell, its weights and the loop over time. Buffers are time-major
/// (T, B, ·) so that step t of the batch is one contiguous block for the matrix products.
/// </summary>
internal sealed class RecurrentDirection
{
    public RecurrentDirection(string name, CellType type, int inputSize, int hidden, bool reverse)
    {
        Cell = RecurrentCell.Create(type, hidden);
        InputSize = inputSize;
        Hidden = hidden;
        Reverse = reverse;
        int gh = Cell.GateCount * hidden;
        Wx = new Parameter($"{name}.W_x", inputSize, gh);
        Wh = new Parameter($"{name}.W_h", hidden, gh);
        Bx = new Parameter($"{name}.b_x", gh);
        Bh = new Parameter($"{name}.b_h", gh);
    }

    public RecurrentCell Cell { get; }

    public int InputSize { get; }

    public int Hidden { get; }

    /// <summary>Processes t = T−1 … 0 (the backward half of a bidirectional layer).</summary>
    public bool Reverse { get; }

    /// <summary>All gates' input weights side by side, stored transposed for X·W_x. // (I, G·H)</summary>
    public Parameter Wx { get; }

    /// <summary>All gates' hidden weights side by side. // (H, G·H)</summary>
    public Parameter Wh { get; }

    /// <summary>// (G·H)</summary>
    public Parameter Bx { get; }

    /// <summary>// (G·H)</summary>
    public Parameter Bh { get; }

    public IEnumerable<Parameter> Parameters => [Wx, Wh, Bx, Bh];

    private int GatesWidth => Cell.GateCount * Hidden;

    public void Initialize(Random random)
    {
        float bound = 1f / MathF.Sqrt(Hidden);
        foreach (Parameter p in Parameters)
        {
            p.InitUniform(random, bound);
        }

        if (Cell is LstmCell)
        {
            // Forget bias 1 (Jozefowicz et al. 2015): the cell starts out remembering, so gradients reach early steps.
            int f = 1 * Hidden;
            Array.Fill(Bx.Value, 1f, f, Hidden);
            Array.Fill(Bh.Value, 0f, f, Hidden);
        }
    }

    /// <summary>Copies out one gate's weights in the (out, in) orientation.</summary>
    public GateWeights GetGate(int gate)
    {
        int H = Hidden, gh = GatesWidth;
        var wx = new float[H * InputSize];
        var wh = new float[H * H];
        for (int j = 0; j < H; j++)
        {
            for (int i = 0; i < InputSize; i++)
            {
                wx[j * InputSize + i] = Wx.Value[i * gh + gate * H + j];
            }

            for (int i = 0; i < H; i++)
            {
                wh[j * H + i] = Wh.Value[i * gh + gate * H + j];
            }
        }

        return new GateWeights(Cell.GateNames[gate], wx, wh, Bx.Value.AsSpan(gate * H, H).ToArray(),
            Bh.Value.AsSpan(gate * H, H).ToArray());
    }

    /// <summary>Writes one gate's weights given in the (out, in) orientation.</summary>
    public void SetGate(int gate, GateWeights weights)
    {
        int H = Hidden, gh = GatesWidth;
        for (int j = 0; j < H; j++)
        {
            for (int i = 0; i < InputSize; i++)
            {
                Wx.Value[i * gh + gate * H + j] = weights.InputWeights[j * InputSize + i];
            }

            for (int i = 0; i < H; i++)
            {
                Wh.Value[i * gh + gate * H + j] = weights.HiddenWeights[j * H + i];
            }
        }

        weights.InputBias.CopyTo(Bx.Value.AsSpan(gate * H, H));
        weights.HiddenBias.CopyTo(Bh.Value.AsSpan(gate * H, H));
    }

    /// <param name="x">Layer input. // (T, B, I)</param>
    /// <param name="lengths">Real steps per row; steps t ≥ length are padding. // (B)</param>
    /// <param name="h0">Initial h. // (B, H)</param>
    /// <param name="c0">Initial c for LSTM. // (B, H)</param>
    /// <param name="parallel">Let the big input projection use several cores (off when directions already run in parallel).</param>
    /// <param name="keepHistory">Keep every step's activations for <see cref="Backward"/>; false for inference.</param>
    public DirectionResult Forward(float[] x, int steps, int batch, int[] lengths, ReadOnlySpan<float> h0,
        ReadOnlySpan<float> c0, bool parallel, bool keepHistory = true)
    {
        int H = Hidden, gh = GatesWidth, rows = steps * batch;

        // W_x x_t + b_x for every step at once: one large matrix product instead of T small ones.
        var xProj = new float[rows * gh]; // (T, B, G·H)
        Gemm.Multiply(x, Wx.Value, xProj, rows, InputSize, gh, accumulate: false, parallel);
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(xProj.AsSpan(r * gh, gh), Bx.Value, xProj.AsSpan(r * gh, gh));
        }

        CellCache cache = Cell.CreateCache(steps, batch, keepHistory);
        var h = h0.ToArray(); // (B, H)
        var c = Cell.HasCellState ? c0.ToArray() : []; // (B, H)
        var hProj = new float[batch * gh]; // (B, G·H)
        // W_h is read at every step: pack it once so each step's small product streams it contiguously.
        PackedMatrix? whPacked = PackedMatrix.CanPack(gh) ? new PackedMatrix(H, gh) : null;
        whPacked?.Pack(Wh.Value);
        int block = batch * H;
        for (int s = 0; s < steps; s++)
        {
            int t = Reverse ? steps - 1 - s : s;
            if (keepHistory)
            {
                h.CopyTo(cache.HPrev, t * block);
            }

            if (keepHistory && Cell.HasCellState)
            {
                c.CopyTo(cache.CPrev, t * block);
            }

            // W_h h_{t-1} + b_h
            for (int b = 0; b < batch; b++)
            {
                Bh.Value.CopyTo(hProj, b * gh);
            }

            if (whPacked is not null)
            {
                Gemm.MultiplyAddPacked(h, whPacked, hProj, batch);
            }
            else
            {
                Gemm.Multiply(h, Wh.Value, hProj, batch, H, gh, accumulate: true);
            }

            Cell.ForwardStep(cache, t, xProj.AsSpan(t * batch * gh, batch * gh), hProj, h, c, lengths);

            // y_t = h_t on real steps; padded steps output 0 (ONNX sequence_lens semantics).
            for (int b = 0; b < batch; b++)
            {
                if (t < lengths[b])
                {
                    h.AsSpan(b * H, H).CopyTo(cache.Y.AsSpan(cache.Row(t, b), H));
                }
            }
        }

        return new DirectionResult(cache, h, c);
    }

    /// <summary>
    /// Backpropagation through time. Adds into the parameter gradients and into <paramref name="dX"/>.
    /// </summary>
    /// <param name="x">The forward input. // (T, B, I)</param>
    /// <param name="dY">∂L/∂y. // (T, B, H)</param>
    /// <param name="dhFinal">∂L/∂h_T on entry, ∂L/∂h_0 on exit. // (B, H)</param>
    /// <param name="dcFinal">∂L/∂c_T on entry, ∂L/∂c_0 on exit (LSTM). // (B, H)</param>
    /// <param name="dX">Receives ∂L/∂x added; null skips that product when nobody needs it. // (T, B, I)</param>
    public void Backward(CellCache cache, float[] x, float[] dY, float[] dhFinal, float[] dcFinal, float[]? dX,
        int[] lengths, bool parallel)
    {
        int steps = cache.Steps, batch = cache.Batch, H = Hidden, gh = GatesWidth, rows = steps * batch;
        var dAx = new float[rows * gh]; // (T, B, G·H)
        var dAh = Cell is GruCell ? new float[rows * gh] : dAx; // (T, B, G·H); the same for RNN and LSTM
        var whT = new float[gh * H]; // (G·H, H)
        Gemm.Transpose(Wh.Value, H, gh, whT);
        PackedMatrix? whTPacked = PackedMatrix.CanPack(H) ? new PackedMatrix(gh, H) : null;
        whTPacked?.Pack(whT);
        Span<float> dh = dhFinal, dc = dcFinal;
        for (int s = steps - 1; s >= 0; s--)
        {
            int t = Reverse ? steps - 1 - s : s;
            // ∂L/∂h_t = ∂L/∂y_t + (what flowed back from step t+1)
            for (int b = 0; b < batch; b++)
            {
                if (t < lengths[b])
                {
                    int row = cache.Row(t, b);
                    TensorPrimitives.Add(dh.Slice(b * H, H), dY.AsSpan(row, H), dh.Slice(b * H, H));
                }
            }

            Span<float> dAxT = dAx.AsSpan(t * batch * gh, batch * gh);
            Span<float> dAhT = dAh.AsSpan(t * batch * gh, batch * gh);
            Cell.BackwardStep(cache, t, dh, dc, dAxT, dAhT, lengths);
            // dh_{t-1} += dA_h W_hᵀ
            if (whTPacked is not null)
            {
                Gemm.MultiplyAddPacked(dAhT, whTPacked, dh, batch);
            }
            else
            {
                Gemm.Multiply(dAhT, whT, dh, batch, gh, H, accumulate: true);
            }
        }

        // dW_x += Xᵀ dA_x ; dW_h += H_prevᵀ dA_h  (all steps at once)
        Gemm.MultiplyTransposedA(x, dAx, Wx.Gradient, InputSize, rows, gh, accumulate: true, parallel);
        Gemm.MultiplyTransposedA(cache.HPrev, dAh, Wh.Gradient, H, rows, gh, accumulate: true, parallel);
        // db_x += Σ dA_x ; db_h += Σ dA_h
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(Bx.Gradient, dAx.AsSpan(r * gh, gh), Bx.Gradient);
            TensorPrimitives.Add(Bh.Gradient, dAh.AsSpan(r * gh, gh), Bh.Gradient);
        }

        // dX += dA_x W_xᵀ
        if (dX is not null)
        {
            Gemm.MultiplyTransposedB(dAx, Wx.Value, dX, rows, gh, InputSize, accumulate: true, parallel);
        }
    }
}
