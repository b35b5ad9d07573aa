namespace SceneCut.Results;

/// <summary>A run of black frames <c>[StartFrame, EndFrame]</c>.</summary>
/// <param name="StartFrame">First black frame.</param>
/// <param name="EndFrame">Last black frame.</param>
/// <param name="StartSeconds">Time of the first black frame.</param>
/// <param name="EndSeconds">Time the first non-black frame after the run starts (the end of the video if none).</param>
/// <param name="DurationSeconds"><c>EndSeconds − StartSeconds</c>.</param>
public sealed record BlackSegmentEntry(int StartFrame, int EndFrame, double StartSeconds, double EndSeconds, double DurationSeconds);
