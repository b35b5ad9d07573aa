namespace SceneCut.Recurrent.Training;

/// <summary>
/// Softmax cross-entropy: ℓ = −Σ_k y_k log softmax(x)_k = Σ_k y_k (logsumexp(x) − x_k), averaged over real rows.
/// Targets are one-hot (or any distribution).
/// </summary>
public sealed class SoftmaxCrossEntropyLoss : ILoss
{
    public double Compute(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, ReadOnlySpan<float> rowMask,
        int width, Span<float> dLogits)
    {
        int rows = logits.Length / width;
        int count = LossMask.CountRows(rowMask, rows);
        double total = 0;
        dLogits[..logits.Length].Clear();
        if (count == 0)
        {
            return 0;
        }

        for (int r = 0; r < rows; r++)
        {
            if (!LossMask.IsReal(rowMask, r))
            {
                continue;
            }

            ReadOnlySpan<float> x = logits.Slice(r * width, width), y = targets.Slice(r * width, width);
            double max = double.NegativeInfinity, sumY = 0;
            for (int k = 0; k < width; k++)
            {
                max = Math.Max(max, x[k]);
                sumY += y[k];
            }

            double sumExp = 0;
            for (int k = 0; k < width; k++)
            {
                sumExp += Math.Exp(x[k] - max);
            }

            double logSumExp = max + Math.Log(sumExp);
            for (int k = 0; k < width; k++)
            {
                total += y[k] * (logSumExp - x[k]);
                double p = Math.Exp(x[k] - logSumExp);
                // ∂ℓ/∂x_k = p_k Σy − y_k
                dLogits[r * width + k] = (float)((p * sumY - y[k]) / count);
            }
        }

        return total / count;
    }
}
