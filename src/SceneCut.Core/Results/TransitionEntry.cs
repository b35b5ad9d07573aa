namespace SceneCut.Results;

/// <summary>The transition into a shot over frames <c>[StartFrame, EndFrame]</c>.</summary>
/// <param name="Kind">One of <see cref="TransitionKinds"/>: <c>cut</c>, <c>dissolve</c>, <c>fade-in</c>, <c>fade-out</c>, <c>fade-through-black</c>.</param>
/// <param name="StartFrame">First frame of the transition (for a cut: the first frame of the new shot).</param>
/// <param name="EndFrame">Last frame of the transition.</param>
/// <param name="StartSeconds">Time of the first frame.</param>
/// <param name="EndSeconds">Time of the last frame.</param>
/// <param name="Score">Detector confidence in <c>[0, 1]</c>.</param>
public sealed record TransitionEntry(string Kind, int StartFrame, int EndFrame, double StartSeconds, double EndSeconds, double Score)
{
    /// <summary>
    /// True when the transition lies on or next to a damaged frame (<see cref="ProcessingSection.DamagedFrames"/>): the
    /// change may be the damage itself, so no scene boundary or ad slot is placed on it.
    /// </summary>
    public bool Damaged { get; init; }
}
