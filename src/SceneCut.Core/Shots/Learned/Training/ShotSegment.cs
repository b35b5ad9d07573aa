namespace SceneCut.Shots.Learned.Training;

/// <summary>Frames <c>[Start, End]</c> of one video that lie inside one shot, away from transitions and ambiguous spans.</summary>
public readonly record struct ShotSegment(LabelledSequence Video, int Start, int End)
{
    public int Length => End - Start + 1;

    /// <summary>The segments of <paramref name="video"/> at least <paramref name="minFrames"/> long, <paramref name="margin"/> frames clear of any transition or ignored frame.</summary>
    public static IEnumerable<ShotSegment> Of(LabelledSequence video, int minFrames, int margin = 2)
    {
        var n = video.Frames.Length;
        var blocked = new bool[n];
        for (var f = 0; f < n; f++)
        {
            if (video.Cut[f] > 0 || video.Gradual[f] > 0 || video.Ignore[f])
            {
                for (var g = Math.Max(0, f - margin); g <= Math.Min(n - 1, f + margin); g++)
                {
                    blocked[g] = true;
                }
            }
        }

        var start = -1;
        for (var f = 0; f <= n; f++)
        {
            if (f < n && !blocked[f])
            {
                start = start < 0 ? f : start;
                continue;
            }

            if (start >= 0 && f - start >= minFrames)
            {
                yield return new ShotSegment(video, start, f - 1);
            }

            start = -1;
        }
    }
}
