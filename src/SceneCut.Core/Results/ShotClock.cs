namespace SceneCut.Results;

/// <summary>
/// The time of any frame, read from a document's shots: each shot's frames are spread evenly over its
/// <c>[StartSeconds, EndSeconds)</c>, so container timestamps (and variable frame rates) carry over between shots.
/// Without shots it falls back to <c>frame / fps</c>.
/// </summary>
public static class ShotClock
{
    /// <summary>Seconds of 0-based <paramref name="frame"/>.</summary>
    public static double SecondsOf(IReadOnlyList<ShotEntry> shots, int frame, double fps)
    {
        ArgumentNullException.ThrowIfNull(shots);
        var frameSeconds = double.IsFinite(fps) && fps > 0 ? 1 / fps : 0;
        if (shots.Count == 0)
        {
            return frame * frameSeconds;
        }

        var shot = ShotAt(shots, frame);
        if (frame < shot.StartFrame)
        {
            return shot.StartSeconds - ((shot.StartFrame - frame) * frameSeconds);
        }

        var frames = shot.EndFrame - shot.StartFrame + 1;
        if (frame > shot.EndFrame)
        {
            return shot.EndSeconds + ((frame - shot.EndFrame - 1) * frameSeconds);
        }

        return shot.StartSeconds + ((shot.EndSeconds - shot.StartSeconds) * (frame - shot.StartFrame) / frames);
    }

    // The last shot starting at or before the frame (the first shot for frames before it); shots are in frame order.
    private static ShotEntry ShotAt(IReadOnlyList<ShotEntry> shots, int frame)
    {
        int low = 0, high = shots.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (shots[middle].StartFrame <= frame)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return shots[low];
    }
}
