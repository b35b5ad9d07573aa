namespace SceneCut.Results;

/// <summary>A place where an ad break can go: the first frame after the break.</summary>
/// <param name="Frame">Frame the programme resumes on.</param>
/// <param name="Seconds">Time of that frame.</param>
/// <param name="Timecode">SMPTE timecode of that frame (drop-frame where the rate calls for it).</param>
/// <param name="Score">How good the slot is, in <c>[0, 1]</c>.</param>
/// <param name="Reasons">Why it was chosen, e.g. <c>scene-change</c>, <c>fade-to-black</c>.</param>
public sealed record AdSlotEntry(int Frame, double Seconds, string Timecode, double Score, IReadOnlyList<string> Reasons);
