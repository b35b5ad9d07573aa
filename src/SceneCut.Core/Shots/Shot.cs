namespace SceneCut.Shots;

/// <summary>A shot: frames <c>[StartFrame, EndFrame]</c>, from the first frame of its picture to the frame before the next shot.</summary>
/// <param name="Index">0-based position among the video's shots.</param>
/// <param name="StartFrame">First frame.</param>
/// <param name="EndFrame">Last frame.</param>
/// <param name="StartSeconds">Presentation time of the first frame.</param>
/// <param name="EndSeconds">Presentation time where the next shot starts (the end of the video for the last shot).</param>
/// <param name="TransitionIn">How the shot began; null for the first shot.</param>
public sealed record Shot(int Index, int StartFrame, int EndFrame, double StartSeconds, double EndSeconds, Transition? TransitionIn);
