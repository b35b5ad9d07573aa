namespace SceneCut.Results;

/// <summary>The ad policy the slots were chosen under, and why there are none or few.</summary>
/// <param name="MinGapSeconds">Least time between two slots.</param>
/// <param name="MarginSeconds">No slot this close to the start or the end.</param>
/// <param name="MinScore">Least scene-boundary probability a slot may sit on.</param>
/// <param name="MaxSlotsPerHour">Most slots in any hour.</param>
/// <param name="Note">Null when every qualifying boundary became a slot; otherwise why there are no or fewer slots.</param>
public sealed record AdPolicySection(double MinGapSeconds, double MarginSeconds, double MinScore, int MaxSlotsPerHour, string? Note);
