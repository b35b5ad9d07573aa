namespace SceneCut.Results;

/// <summary>One shot: frames <c>[StartFrame, EndFrame]</c>.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="StartFrame">First frame.</param>
/// <param name="EndFrame">Last frame.</param>
/// <param name="StartSeconds">Time of the first frame.</param>
/// <param name="EndSeconds">Time the next shot starts.</param>
/// <param name="TransitionIn">How the shot began; null for the first shot.</param>
public sealed record ShotEntry(int Index, int StartFrame, int EndFrame, double StartSeconds, double EndSeconds, TransitionEntry? TransitionIn);
