namespace SceneCut.Recurrent.Training;

/// <summary>ℓ = mean over real elements of (x − y)².</summary>
public sealed class MeanSquaredErrorLoss : ILoss
{
    public double Compute(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, ReadOnlySpan<float> rowMask,
        int width, Span<float> dLogits)
    {
        int rows = logits.Length / width;
        int count = LossMask.CountRows(rowMask, rows) * width;
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

            for (int k = r * width; k < (r + 1) * width; k++)
            {
                double e = logits[k] - targets[k];
                total += e * e;
                // ∂ℓ/∂x = 2(x − y)
                dLogits[k] = (float)(2 * e / count);
            }
        }

        return total / count;
    }
}
