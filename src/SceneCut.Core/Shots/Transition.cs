namespace SceneCut.Shots;

/// <summary>
/// A transition between two shots over frames <c>[StartFrame, EndFrame]</c>. A cut is one frame: the first frame of the
/// new shot. A gradual transition covers every frame that is part of the change.
/// </summary>
/// <param name="Kind">Cut, dissolve or fade.</param>
/// <param name="StartFrame">First frame of the transition.</param>
/// <param name="EndFrame">Last frame of the transition (equal to <paramref name="StartFrame"/> for a cut).</param>
/// <param name="Score">Detector confidence in <c>[0, 1]</c>: how far the change stood out from its surroundings.</param>
public sealed record Transition(TransitionKind Kind, int StartFrame, int EndFrame, double Score)
{
    /// <summary>
    /// The first frame of the shot this transition leads into. Fade-outs hand over at the first black frame (the
    /// fade belongs to the outgoing shot); cuts, fade-ins and dissolves at their first frame.
    /// </summary>
    public int NewShotStartFrame => Kind == TransitionKind.FadeOut ? EndFrame : StartFrame;

    /// <summary>True for every kind except <see cref="TransitionKind.Cut"/>.</summary>
    public bool IsGradual => Kind != TransitionKind.Cut;
}
