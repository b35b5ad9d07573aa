namespace SceneCut.Shots;

/// <summary>
/// Turns what the detectors reported into one consistent list: a gradual transition wins over a cut inside it,
/// overlapping gradual transitions keep the stronger, and a fade out, a short black pause and a fade in become one
/// fade through black.
/// </summary>
public static class TransitionResolver
{
    // A cut this close to a gradual transition is the transition's own first or last step.
    private const int CutAbsorbFrames = 2;

    /// <summary>The resolved transitions in frame order.</summary>
    /// <param name="reported">Everything the detectors reported.</param>
    /// <param name="maxBlackPauseFrames">Longest black pause inside one fade through black.</param>
    public static IReadOnlyList<Transition> Resolve(IEnumerable<Transition> reported, int maxBlackPauseFrames)
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

        var ordered = gradual.Concat(cuts).OrderBy(t => t.StartFrame).ToList();
        return MergeFadesThroughBlack(ordered, maxBlackPauseFrames);
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
