namespace SceneCut.Results;

/// <summary>A semantic scene: shots <c>[FirstShot, LastShot]</c> that share a place, time or story.</summary>
/// <param name="Index">0-based position.</param>
/// <param name="FirstShot">Index of the first shot.</param>
/// <param name="LastShot">Index of the last shot.</param>
/// <param name="StartFrame">First frame.</param>
/// <param name="EndFrame">Last frame.</param>
/// <param name="StartSeconds">Time of the first frame.</param>
/// <param name="EndSeconds">Time the next scene starts.</param>
/// <param name="BoundaryScore">Probability that a scene starts here (1 for the first scene).</param>
public sealed record SceneEntry(int Index, int FirstShot, int LastShot, int StartFrame, int EndFrame, double StartSeconds, double EndSeconds, double BoundaryScore);
