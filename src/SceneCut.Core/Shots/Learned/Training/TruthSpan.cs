namespace SceneCut.Shots.Learned.Training;

/// <summary>A true transition over frames <c>[Start, End]</c>: a cut is one frame (the new shot's first), a gradual
/// transition runs from its first changed frame to the first frame wholly of the new shot.</summary>
public readonly record struct TruthSpan(int Start, int End, bool IsCut);
