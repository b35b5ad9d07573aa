namespace SceneCut.AdSlots;

/// <summary>A scene boundary that may carry a slot, with where the slot would go and how good it is.</summary>
/// <param name="Frame">The frame the programme resumes on.</param>
/// <param name="Seconds">Time of that frame.</param>
/// <param name="BoundaryScore">The scene-boundary probability.</param>
/// <param name="Score">The slot score (boundary probability raised by the bonuses).</param>
/// <param name="Reasons">Why it qualifies, in <see cref="AdSlotReasons"/> names.</param>
/// <param name="PinnedByBlack">The programme goes to black (a fade or a black run) there: the boundary's place is certain.</param>
internal sealed record AdSlotCandidate(int Frame, double Seconds, double BoundaryScore, double Score, IReadOnlyList<string> Reasons, bool PinnedByBlack);
