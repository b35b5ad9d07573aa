namespace SceneCut.Scenes.Training;

/// <summary>
/// Finds the same footage on both sides of a training/validation split. An edited copy of a video (rotated, rescaled,
/// re-encoded) keeps the original's cuts to the frame, while its CNN embeddings change (a rotated frame looks like
/// another picture), so cut times are the fingerprint: a copy in training lets the model learn the validation source's
/// own cuts and inflates every validation score.
/// </summary>
public static class FootageCopies
{
    /// <summary>Cuts closer than this (seconds) count as the same cut: a few frames of re-timing at 25–30 fps.</summary>
    public const double CutToleranceSeconds = 0.1;

    /// <summary>Durations may differ this much (seconds): a copy may gain or lose a few trailing frames.</summary>
    public const double DurationToleranceSeconds = 0.5;

    /// <summary>Fewest cuts that make a fingerprint; one or no cut matches too many unrelated videos by chance.</summary>
    public const int MinCuts = 2;

    /// <summary>Pairs (training source, validation source) whose cuts and durations match.</summary>
    public static IReadOnlyList<(FootageIndex Training, FootageIndex Validation)> Find(
        IReadOnlyList<FootageIndex> training, IReadOnlyList<FootageIndex> validation)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        var pairs = new List<(FootageIndex, FootageIndex)>();
        foreach (var t in training)
        {
            foreach (var v in validation)
            {
                if (AreCopies(t, v))
                {
                    pairs.Add((t, v));
                }
            }
        }

        return pairs;
    }

    /// <summary>True when both videos have at least <see cref="MinCuts"/> cuts, the same number, each within tolerance, and about the same length.</summary>
    public static bool AreCopies(FootageIndex a, FootageIndex b)
    {
        var cutsA = Cuts(a);
        var cutsB = Cuts(b);
        return cutsA.Count >= MinCuts
            && cutsA.Count == cutsB.Count
            && Math.Abs(a.DurationSeconds - b.DurationSeconds) <= DurationToleranceSeconds
            && cutsA.Zip(cutsB).All(p => Math.Abs(p.First - p.Second) <= CutToleranceSeconds);
    }

    // Shot starts after the first shot, relative to the first shot's start (a leading black frame may be trimmed).
    private static List<double> Cuts(FootageIndex index)
    {
        var origin = index.Shots.Count > 0 ? index.Shots[0].StartSeconds : 0;
        return index.Shots.Skip(1).Select(s => s.StartSeconds - origin).ToList();
    }
}
