using System.Numerics.Tensors;

namespace SceneCut.Recurrent.Cells;

/// <summary>
/// GRU with gates packed [z r n] (ONNX's z r h order) and the reset gate applied after the hidden product
/// (ONNX linear_before_reset = 1, as PyTorch and cuDNN do):
/// z = σ(W_xz x + b_xz + W_hz h + b_hz), r = σ(W_xr x + b_xr + W_hr h + b_hr),
/// n = tanh(W_xn x + b_xn + r ⊙ (W_hn h + b_hn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}.
/// </summary>
internal sealed class GruCell(int hidden) : RecurrentCell(hidden)
{
    private static readonly string[] Names = ["z", "r", "n"];

    public override int GateCount => 3;

    public override IReadOnlyList<string> GateNames => Names;

    public override CellCache CreateCache(int steps, int batch, bool keepHistory) =>
        new GruCache(steps, batch, Hidden, keepHistory);

    public override void ForwardStep(CellCache cacheBase, int t, ReadOnlySpan<float> xProj, ReadOnlySpan<float> hProj,
        Span<float> h, Span<float> c, ReadOnlySpan<int> lengths)
    {
        var cache = (GruCache)cacheBase;
        int H = Hidden;
        int G3 = 3 * H;
        Span<float> a = stackalloc float[H];
        for (int b = 0; b < cache.Batch; b++)
        {
            if (t >= lengths[b])
            {
                continue;
            }

            int row = cache.GateRow(t, b);
            Span<float> Z = cache.Z.AsSpan(row, H), R = cache.R.AsSpan(row, H), N = cache.N.AsSpan(row, H);
            Span<float> HnLinear = cache.HnLinear.AsSpan(row, H);
            ReadOnlySpan<float> x3 = xProj.Slice(b * G3, G3), h3 = hProj.Slice(b * G3, G3);
            Span<float> hRow = h.Slice(b * H, H);

            // z = σ(W_xz x + b_xz + W_hz h + b_hz)
            TensorPrimitives.Add(x3.Slice(0 * H, H), h3.Slice(0 * H, H), a);
            TensorPrimitives.Sigmoid(a, Z);
            // r = σ(W_xr x + b_xr + W_hr h + b_hr)
            TensorPrimitives.Add(x3.Slice(1 * H, H), h3.Slice(1 * H, H), a);
            TensorPrimitives.Sigmoid(a, R);
            // n = tanh(W_xn x + b_xn + r ⊙ (W_hn h + b_hn))
            h3.Slice(2 * H, H).CopyTo(HnLinear);
            TensorPrimitives.FusedMultiplyAdd(R, HnLinear, x3.Slice(2 * H, H), a);
            TensorPrimitives.Tanh(a, N);
            // h_t = (1 − z) ⊙ n + z ⊙ h_{t-1} = n + z ⊙ (h_{t-1} − n)
            TensorPrimitives.Subtract(hRow, N, a);
            TensorPrimitives.FusedMultiplyAdd(Z, a, N, hRow);
        }
    }

    public override void BackwardStep(CellCache cacheBase, int t, Span<float> dh, Span<float> dc, Span<float> dAx,
        Span<float> dAh, ReadOnlySpan<int> lengths)
    {
        var cache = (GruCache)cacheBase;
        int H = Hidden;
        int G3 = 3 * H;
        for (int b = 0; b < cache.Batch; b++)
        {
            Span<float> dAxRow = dAx.Slice(b * G3, G3), dAhRow = dAh.Slice(b * G3, G3);
            if (t >= lengths[b])
            {
                dAxRow.Clear();
                dAhRow.Clear();
                continue;
            }

            int row = cache.Row(t, b);
            ReadOnlySpan<float> Z = cache.Z.AsSpan(row, H), R = cache.R.AsSpan(row, H), N = cache.N.AsSpan(row, H);
            ReadOnlySpan<float> HnLinear = cache.HnLinear.AsSpan(row, H), HPrev = cache.HPrev.AsSpan(row, H);
            Span<float> dhRow = dh.Slice(b * H, H);
            for (int j = 0; j < H; j++)
            {
                // h_t = (1 − z) ⊙ n + z ⊙ h_{t-1}
                float dZ = dhRow[j] * (HPrev[j] - N[j]);
                float dN = dhRow[j] * (1 - Z[j]);
                // n = tanh(a_n)
                float dAn = dN * (1 - N[j] * N[j]);
                // a_n = W_xn x + b_xn + r ⊙ (W_hn h + b_hn)
                float dR = dAn * HnLinear[j];
                float dAz = dZ * Z[j] * (1 - Z[j]);
                float dAr = dR * R[j] * (1 - R[j]);
                dAxRow[j] = dAz;
                dAxRow[H + j] = dAr;
                dAxRow[2 * H + j] = dAn;
                dAhRow[j] = dAz;
                dAhRow[H + j] = dAr;
                // the reset gate scales the hidden part of the candidate
                dAhRow[2 * H + j] = dAn * R[j];
                // direct path of h_{t-1}: dh_{t-1} = dh ⊙ z (the layer adds dA_h W_hᵀ)
                dhRow[j] *= Z[j];
            }
        }
    }
}
