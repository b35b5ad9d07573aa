using SceneCut.Results;

namespace SceneCut.Output.Html;

/// <summary>Which frames the report shows, within the thumbnail budget: both sides of every ad slot first, then shots per scene.</summary>
internal sealed class ThumbnailPlan
{
    private ThumbnailPlan(IReadOnlyList<IReadOnlyList<ShotEntry>> shotsPerGroup, IReadOnlyList<int> frames)
    {
        ShotsPerGroup = shotsPerGroup;
        Frames = frames;
    }

    /// <summary>For each group (scene, or the whole video when there are no scenes), the shots whose middle frame is shown.</summary>
    public IReadOnlyList<IReadOnlyList<ShotEntry>> ShotsPerGroup { get; }

    /// <summary>Every frame to read.</summary>
    public IReadOnlyList<int> Frames { get; }

    /// <summary>The frame that stands for a shot: its middle one.</summary>
    public static int MiddleFrame(ShotEntry shot) => shot.StartFrame + ((shot.EndFrame - shot.StartFrame) / 2);

    /// <summary>The last frame before a slot and the slot's own frame: what a viewer sees either side of the break.</summary>
    public static (int Before, int After) SlotFrames(AdSlotEntry slot) => (Math.Max(0, slot.Frame - 1), slot.Frame);

    /// <summary>Plans the thumbnails of <paramref name="document"/>.</summary>
    public static ThumbnailPlan For(ResultDocument document, IReadOnlyList<ReportGroup> groups, OutputOptions options)
    {
        var frames = new List<int>();
        var budget = options.MaxThumbnails;
        foreach (var slot in document.AdSlots)
        {
            if (budget < 2)
            {
                break;
            }

            var (before, after) = SlotFrames(slot);
            frames.Add(before);
            frames.Add(after);
            budget -= 2;
        }

        var perGroup = groups.Count == 0 ? 0 : Math.Min(options.ThumbnailsPerScene, Math.Max(budget > 0 ? 1 : 0, budget / groups.Count));
        if (groups.Count == 1)
        {
            // The whole video as one group (no scenes yet): spread the remaining budget over it.
            perGroup = budget;
        }

        var shotsPerGroup = new List<IReadOnlyList<ShotEntry>>();
        foreach (var group in groups)
        {
            var take = Math.Min(perGroup, Math.Min(budget, group.Shots.Count));
            var picked = Spread(group.Shots, take);
            budget -= picked.Count;
            frames.AddRange(picked.Select(MiddleFrame));
            shotsPerGroup.Add(picked);
        }

        return new ThumbnailPlan(shotsPerGroup, frames);
    }

    // Evenly spaced picks that always include the first shot and, with two or more, the last.
    private static List<ShotEntry> Spread(IReadOnlyList<ShotEntry> shots, int count)
    {
        if (count <= 0)
        {
            return [];
        }

        if (count >= shots.Count)
        {
            return [.. shots];
        }

        if (count == 1)
        {
            return [shots[0]];
        }

        return Enumerable.Range(0, count)
            .Select(i => (int)Math.Round(i * (shots.Count - 1) / (double)(count - 1)))
            .Distinct()
            .Select(i => shots[i])
            .ToList();
    }
}
