using System.Numerics.Tensors;

namespace SceneCut.Recurrent.Cells;

/// <summary>
/// LSTM, gates packed [i f g o] (PyTorch's order):
/// i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o); c_t = f ⊙ c_{t-1} + i ⊙ g; h_t = o ⊙ tanh(c_t),
/// where a = W_x x_t + b_x + W_h h_{t-1} + b_h.
/// </summary>
internal sealed class LstmCell(int hidden) : RecurrentCell(hidden)
{
    private static readonly string[] Names = ["i", "f", "g", "o"];

    public override int GateCount => 4;

    public override IReadOnlyList<string> GateNames => Names;

    public override bool HasCellState => true;

    public override CellCache CreateCache(int steps, int batch, bool keepHistory) =>
        new LstmCache(steps, batch, Hidden, keepHistory);

    public override void ForwardStep(CellCache cacheBase, int t, ReadOnlySpan<float> xProj, ReadOnlySpan<float> hProj,
        Span<float> h, Span<float> c, ReadOnlySpan<int> lengths)
    {
        var cache = (LstmCache)cacheBase;
        int H = Hidden;
        int G4 = 4 * H;
        Span<float> a = stackalloc float[G4];
        for (int b = 0; b < cache.Batch; b++)
        {
            if (t >= lengths[b])
            {
                continue;
            }

            int row = cache.GateRow(t, b);
            Span<float> I = cache.I.AsSpan(row, H), F = cache.F.AsSpan(row, H);
            Span<float> G = cache.G.AsSpan(row, H), O = cache.O.AsSpan(row, H);
            Span<float> C = cache.C.AsSpan(row, H), TanhC = cache.TanhC.AsSpan(row, H);
            Span<float> hRow = h.Slice(b * H, H), cRow = c.Slice(b * H, H);

            // a = W_x x_t + b_x + W_h h_{t-1} + b_h
            TensorPrimitives.Add(xProj.Slice(b * G4, G4), hProj.Slice(b * G4, G4), a);
            // i = σ(a_i), f = σ(a_f), g = tanh(a_g), o = σ(a_o)
            TensorPrimitives.Sigmoid(a.Slice(0 * H, H), I);
            TensorPrimitives.Sigmoid(a.Slice(1 * H, H), F);
            TensorPrimitives.Tanh(a.Slice(2 * H, H), G);
            TensorPrimitives.Sigmoid(a.Slice(3 * H, H), O);
            // c_t = f ⊙ c_{t-1} + i ⊙ g
            TensorPrimitives.Multiply(F, cRow, C);
            TensorPrimitives.FusedMultiplyAdd(I, G, C, C);
            // h_t = o ⊙ tanh(c_t)
            TensorPrimitives.Tanh(C, TanhC);
            TensorPrimitives.Multiply(O, TanhC, hRow);
            C.CopyTo(cRow);
        }
    }

    public override void BackwardStep(CellCache cacheBase, int t, Span<float> dh, Span<float> dc, Span<float> dAx,
        Span<float> dAh, ReadOnlySpan<int> lengths)
    {
        var cache = (LstmCache)cacheBase;
        int H = Hidden;
        int G4 = 4 * H;
        for (int b = 0; b < cache.Batch; b++)
        {
            Span<float> dA = dAx.Slice(b * G4, G4);
            if (t >= lengths[b])
            {
                dA.Clear();
                dAh.Slice(b * G4, G4).Clear();
                continue;
            }

            int row = cache.Row(t, b);
            ReadOnlySpan<float> I = cache.I.AsSpan(row, H), F = cache.F.AsSpan(row, H);
            ReadOnlySpan<float> G = cache.G.AsSpan(row, H), O = cache.O.AsSpan(row, H);
            ReadOnlySpan<float> TanhC = cache.TanhC.AsSpan(row, H), CPrev = cache.CPrev.AsSpan(row, H);
            Span<float> dhRow = dh.Slice(b * H, H), dcRow = dc.Slice(b * H, H);
            Span<float> dAi = dA.Slice(0 * H, H), dAf = dA.Slice(1 * H, H);
            Span<float> dAg = dA.Slice(2 * H, H), dAo = dA.Slice(3 * H, H);
            for (int j = 0; j < H; j++)
            {
                // h_t = o ⊙ tanh(c_t)  →  dO = dh ⊙ tanh(c_t)
                float dO = dhRow[j] * TanhC[j];
                // dC = dc_next + dh ⊙ o ⊙ (1 − tanh²(c_t))
                float dC = dcRow[j] + dhRow[j] * O[j] * (1 - TanhC[j] * TanhC[j]);
                // c_t = f ⊙ c_{t-1} + i ⊙ g  →  dI = dC ⊙ g, dF = dC ⊙ c_{t-1}, dG = dC ⊙ i
                float dI = dC * G[j];
                float dF = dC * CPrev[j];
                float dG = dC * I[j];
                // through the nonlinearities: σ' = σ(1 − σ), tanh' = 1 − tanh²
                dAi[j] = dI * I[j] * (1 - I[j]);
                dAf[j] = dF * F[j] * (1 - F[j]);
                dAg[j] = dG * (1 - G[j] * G[j]);
                dAo[j] = dO * O[j] * (1 - O[j]);
                // dc_{t-1} = dC ⊙ f
                dcRow[j] = dC * F[j];
            }

            dA.CopyTo(dAh.Slice(b * G4, G4));
            // h_{t-1} reaches the loss only through W_h, which the layer adds.
            dhRow.Clear();
        }
    }
}
