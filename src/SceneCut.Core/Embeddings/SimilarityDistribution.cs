namespace SceneCut.Embeddings;

/// <summary>Summary of a set of cosine similarities.</summary>
/// <param name="Count">Number of frame pairs.</param>
/// <param name="P5">5th percentile.</param>
/// <param name="Median">50th percentile.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="Min">Smallest.</param>
/// <param name="Max">Largest.</param>
public sealed record SimilarityDistribution(int Count, double P5, double Median, double P95, double Min, double Max)
{
    /// <summary>Summarises <paramref name="values"/> (percentiles interpolated linearly; all NaN when empty).</summary>
    public static SimilarityDistribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new SimilarityDistribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        return new SimilarityDistribution(sorted.Length, Percentile(sorted, 5), Percentile(sorted, 50), Percentile(sorted, 95), sorted[0], sorted[^1]);
    }

    private static double Percentile(double[] sorted, double percent)
    {
        var position = percent / 100.0 * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((position - lower) * (sorted[upper] - sorted[lower]));
    }
}
