namespace SceneCut.Evaluation;

/// <summary>Scene-level overlap in time: the mIoU of LGSS.</summary>
public static class SceneOverlap
{
    /// <summary>For each scene in <paramref name="from"/>, its best IoU with any scene in <paramref name="to"/>, averaged. Null when <paramref name="from"/> is empty.</summary>
    public static double? MeanBestIoU(IReadOnlyList<SecondsInterval> from, IReadOnlyList<SecondsInterval> to)
    {
        if (from.Count == 0)
        {
            return null;
        }

        return from.Average(a => to.Count == 0 ? 0 : to.Max(b => IoU(a, b)));
    }

    /// <summary>
    /// Symmetric mIoU as LGSS computes it per video: the mean of true→predicted and predicted→true best-IoU averages,
    /// so both over-merging and over-splitting cost. Null when either side has no scene.
    /// </summary>
    public static double? SymmetricMeanIoU(IReadOnlyList<SecondsInterval> truth, IReadOnlyList<SecondsInterval> predicted) =>
        MeanBestIoU(truth, predicted) is { } forward && MeanBestIoU(predicted, truth) is { } backward ? (forward + backward) / 2 : null;

    /// <summary>Intersection over union of two time spans (0 when both are empty).</summary>
    public static double IoU(SecondsInterval a, SecondsInterval b)
    {
        var intersection = Math.Max(0, Math.Min(a.End, b.End) - Math.Max(a.Start, b.Start));
        // When the spans overlap their hull is their union; when they do not, the intersection is 0 anyway.
        var union = Math.Max(a.End, b.End) - Math.Min(a.Start, b.Start);
        return union <= 0 ? 0 : intersection / union;
    }
}
