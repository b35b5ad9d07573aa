namespace SceneCut.Shots;

/// <summary>
/// Turns what the detectors reported into one consistent list: a gradual transition wins over a cut inside it,
/// overlapping gradual transitions keep the stronger, the learned model's transitions count only where the threshold
/// detectors found none, and a fade out, a short black pause and a fade in become one fade through black.
/// </summary>
public static class TransitionResolver
{
    // A cut this close to a gradual transition is the transition's own first or last step.
    private const int CutAbsorbFrames = 2;

    /// <summary>The resolved transitions in frame order.</summary>
    /// <param name="reported">Everything the detectors reported.</param>
    /// <param name="maxBlackPauseFrames">Longest black pause inside one fade through black.</param>
    public static IReadOnlyList<Transition> Resolve(IEnumerable<Transition> reported, int maxBlackPauseFrames) =>
        Resolve(reported, [], maxBlackPauseFrames);

    /// <summary>
    /// The resolved transitions in frame order, where <paramref name="learned"/> (the model's, already consistent among
    /// themselves) fill in only where none of the threshold detectors' resolved transitions lies within a cut's reach.
    /// Their scores are not comparable (a blend's fit against a mean probability), so the thresholds' report, which names
    /// fades and pins cuts, is kept where both saw something.
    /// </summary>
    /// <param name="reported">What the threshold detectors reported.</param>
    /// <param name="learned">What the learned model reported.</param>
    /// <param name="maxBlackPauseFrames">Longest black pause inside one fade through black.</param>
    public static IReadOnlyList<Transition> Resolve(IEnumerable<Transition> reported, IEnumerable<Transition> learned, int maxBlackPauseFrames)
    {
        var thresholds = Arbitrate(reported);
        var added = Arbitrate(learned).Where(l => !thresholds.Any(t =>
            l.StartFrame - CutAbsorbFrames <= t.EndFrame && t.StartFrame - CutAbsorbFrames <= l.EndFrame));
        return MergeFadesThroughBlack([.. thresholds.Concat(added).OrderBy(t => t.StartFrame)], maxBlackPauseFrames);
    }

    // Gradual transitions win over cuts inside them; of overlapping gradual transitions the stronger stays.
    private static List<Transition> Arbitrate(IEnumerable<Transition> reported)
    {
        var all = reported.Where(t => t.NewShotStartFrame > 0).ToList();

        var gradual = new List<Transition>();
        foreach (var g in all.Where(t => t.IsGradual).OrderByDescending(t => t.Score))
        {
            if (!gradual.Any(kept => kept.StartFrame <= g.EndFrame && g.StartFrame <= kept.EndFrame))
            {
                gradual.Add(g);
            }
        }

        var cuts = all
            .Where(t => !t.IsGradual)
            .Where(c => !gradual.Any(g => c.StartFrame >= g.StartFrame - CutAbsorbFrames && c.StartFrame <= g.EndFrame + CutAbsorbFrames));

        return [.. gradual.Concat(cuts).OrderBy(t => t.StartFrame)];
    }

    private static List<Transition> MergeFadesThroughBlack(List<Transition> ordered, int maxBlackPauseFrames)
    {
        var merged = new List<Transition>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var current = ordered[i];
            if (current.Kind == TransitionKind.FadeOut
                && i + 1 < ordered.Count
                && ordered[i + 1] is { Kind: TransitionKind.FadeIn } next
                && next.StartFrame - current.EndFrame - 1 <= maxBlackPauseFrames)
            {
                merged.Add(new Transition(TransitionKind.FadeThroughBlack, current.StartFrame, next.EndFrame, Math.Min(current.Score, next.Score)));
                i++;
                continue;
            }

            merged.Add(current);
        }

        return merged;
    }
}
