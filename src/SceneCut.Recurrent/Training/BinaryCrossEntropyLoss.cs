namespace SceneCut.Recurrent.Training;

/// <summary>
/// Binary cross-entropy on logits with a positive-class weight w (scene boundaries are rare):
/// ℓ = −[w·y·log σ(x) + (1−y)·log(1−σ(x))] = w·y·softplus(−x) + (1−y)·softplus(x),
/// averaged over the real elements. Written with softplus so large |x| never takes log(0).
/// </summary>
public sealed class BinaryCrossEntropyLoss(float positiveWeight = 1f) : ILoss
{
    /// <summary>Weight of the positive class, like PyTorch's pos_weight. Default 1.</summary>
    public float PositiveWeight { get; } = positiveWeight > 0 && float.IsFinite(positiveWeight)
        ? positiveWeight
        : throw new ArgumentOutOfRangeException(nameof(positiveWeight), positiveWeight, "Must be positive and finite.");

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

        double w = PositiveWeight;
        for (int r = 0; r < rows; r++)
        {
            if (!LossMask.IsReal(rowMask, r))
            {
                continue;
            }

            for (int k = r * width; k < (r + 1) * width; k++)
            {
                double x = logits[k], y = targets[k];
                total += w * y * Softplus(-x) + (1 - y) * Softplus(x);
                double sigma = 1 / (1 + Math.Exp(-x));
                // ∂ℓ/∂x = w·y·(σ − 1) + (1 − y)·σ
                dLogits[k] = (float)((w * y * (sigma - 1) + (1 - y) * sigma) / count);
            }
        }

        return total / count;
    }

    private static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));
}
