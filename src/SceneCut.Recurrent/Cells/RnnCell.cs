using System.Numerics.Tensors;

namespace SceneCut.Recurrent.Cells;

/// <summary>Vanilla RNN: h_t = tanh(W_x x_t + b_x + W_h h_{t-1} + b_h).</summary>
internal sealed class RnnCell(int hidden) : RecurrentCell(hidden)
{
    private static readonly string[] Names = ["h"];

    public override int GateCount => 1;

    public override IReadOnlyList<string> GateNames => Names;

    public override CellCache CreateCache(int steps, int batch, bool keepHistory) =>
        new RnnCache(steps, batch, Hidden, keepHistory);

    public override void ForwardStep(CellCache cache, int t, ReadOnlySpan<float> xProj, ReadOnlySpan<float> hProj,
        Span<float> h, Span<float> c, ReadOnlySpan<int> lengths)
    {
        int H = Hidden;
        for (int b = 0; b < cache.Batch; b++)
        {
            if (t >= lengths[b])
            {
                continue;
            }

            Span<float> hRow = h.Slice(b * H, H);
            // a = W_x x_t + b_x + W_h h_{t-1} + b_h
            TensorPrimitives.Add(xProj.Slice(b * H, H), hProj.Slice(b * H, H), hRow);
            // h_t = tanh(a)
            TensorPrimitives.Tanh(hRow, hRow);
        }
    }

    public override void BackwardStep(CellCache cache, int t, Span<float> dh, Span<float> dc, Span<float> dAx,
        Span<float> dAh, ReadOnlySpan<int> lengths)
    {
        int H = Hidden;
        float[] Y = cache.Y;
        for (int b = 0; b < cache.Batch; b++)
        {
            Span<float> dA = dAx.Slice(b * H, H);
            if (t >= lengths[b])
            {
                dA.Clear();
                dAh.Slice(b * H, H).Clear();
                continue;
            }

            int row = cache.Row(t, b);
            Span<float> dhRow = dh.Slice(b * H, H);
            for (int j = 0; j < H; j++)
            {
                float hj = Y[row + j];
                // ∂L/∂a = ∂L/∂h_t ⊙ (1 − h_t²)
                dA[j] = dhRow[j] * (1 - hj * hj);
            }

            dA.CopyTo(dAh.Slice(b * H, H));
            // h_{t-1} reaches the loss only through W_h, which the layer adds.
            dhRow.Clear();
        }
    }
}
