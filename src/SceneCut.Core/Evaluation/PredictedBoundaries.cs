using SceneCut.Results;

namespace SceneCut.Evaluation;

/// <summary>The transitions of a result document as intervals to score.</summary>
public static class PredictedBoundaries
{
    /// <summary>
    /// One interval per transition; a fade through black counts as its fade out (up to the first black frame) and its
    /// fade in (after the last black frame), as truth files list them.
    /// </summary>
    public static IReadOnlyList<BoundaryInterval> From(ResultDocument document)
    {
        var intervals = new List<BoundaryInterval>();
        foreach (var transition in document.Shots.Select(s => s.TransitionIn).OfType<TransitionEntry>())
        {
            if (transition.Kind == TransitionKinds.Cut)
            {
                intervals.Add(new BoundaryInterval(transition.StartFrame, transition.StartFrame, BoundaryCategory.Cut));
                continue;
            }

            var black = transition.Kind == TransitionKinds.FadeThroughBlack
                ? document.BlackSegments.FirstOrDefault(b => b.StartFrame >= transition.StartFrame && b.EndFrame <= transition.EndFrame)
                : null;
            if (black is null)
            {
                intervals.Add(new BoundaryInterval(transition.StartFrame, transition.EndFrame, BoundaryCategory.Gradual));
            }
            else
            {
                intervals.Add(new BoundaryInterval(transition.StartFrame, black.StartFrame, BoundaryCategory.Gradual));
                intervals.Add(new BoundaryInterval(black.EndFrame + 1, transition.EndFrame, BoundaryCategory.Gradual));
            }
        }

        return intervals;
    }
}
