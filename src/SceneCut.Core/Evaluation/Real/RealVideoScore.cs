namespace SceneCut.Evaluation.Real;

/// <summary>What <see cref="RealScorer"/> counted for one video (or, summed, for many).</summary>
/// <param name="Name">The video's name ("all" for a sum).</param>
/// <param name="Shots">Transitions at the shot tolerance.</param>
/// <param name="Cuts">True cuts found, of all true cuts.</param>
/// <param name="Gradual">True gradual transitions found, of all.</param>
/// <param name="Scenes">Scene starts at the scene tolerance.</param>
public sealed record RealVideoScore(string Name, MatchCounts Shots, (int Hit, int Total) Cuts, (int Hit, int Total) Gradual, MatchCounts Scenes)
{
    /// <summary>Share of true cuts found (1 when there are none).</summary>
    public double CutRecall => Cuts.Total == 0 ? 1 : (double)Cuts.Hit / Cuts.Total;

    /// <summary>Share of true gradual transitions found (1 when there are none).</summary>
    public double GradualRecall => Gradual.Total == 0 ? 1 : (double)Gradual.Hit / Gradual.Total;

    /// <summary>The micro-average: counts summed before any ratio is taken.</summary>
    public static RealVideoScore Sum(string name, IEnumerable<RealVideoScore> scores)
    {
        var total = new RealVideoScore(name, default, (0, 0), (0, 0), default);
        foreach (var s in scores)
        {
            total = total with
            {
                Shots = total.Shots + s.Shots,
                Cuts = (total.Cuts.Hit + s.Cuts.Hit, total.Cuts.Total + s.Cuts.Total),
                Gradual = (total.Gradual.Hit + s.Gradual.Hit, total.Gradual.Total + s.Gradual.Total),
                Scenes = total.Scenes + s.Scenes,
            };
        }

        return total;
    }
}
