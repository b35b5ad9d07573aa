namespace SceneCut.Recurrent.Training;

/// <summary>
/// A loss over rows of logits. Rows whose mask is 0 (padding) contribute neither loss nor gradient.
/// </summary>
public interface ILoss
{
    /// <summary>Returns the mean loss and writes ∂loss/∂logits (already divided by the count it averages over).</summary>
    /// <param name="logits">// (N, K)</param>
    /// <param name="targets">// (N, K)</param>
    /// <param name="rowMask">1 for real rows, 0 for padding; empty means all real. // (N)</param>
    /// <param name="width">K.</param>
    /// <param name="dLogits">// (N, K)</param>
    double Compute(ReadOnlySpan<float> logits, ReadOnlySpan<float> targets, ReadOnlySpan<float> rowMask, int width,
        Span<float> dLogits);
}
