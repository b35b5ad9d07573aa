namespace SceneCut.Evaluation;

/// <summary>Counts of one clip at one tolerance, overall and per category.</summary>
/// <param name="All">Every transition.</param>
/// <param name="Cuts">Recall over true cuts; precision over predicted cuts.</param>
/// <param name="Gradual">Recall over true gradual transitions; precision over predicted gradual ones.</param>
/// <param name="DistractorHits">Predictions that landed on a frame marked as a distractor.</param>
public sealed record BoundaryMatch(MatchCounts All, MatchCounts Cuts, MatchCounts Gradual, int DistractorHits)
{
    public static BoundaryMatch operator +(BoundaryMatch a, BoundaryMatch b) =>
        new(a.All + b.All, a.Cuts + b.Cuts, a.Gradual + b.Gradual, a.DistractorHits + b.DistractorHits);

    /// <summary>No counts.</summary>
    public static BoundaryMatch Empty { get; } = new(default, default, default, 0);
}
