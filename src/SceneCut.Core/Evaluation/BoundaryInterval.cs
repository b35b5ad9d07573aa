namespace SceneCut.Evaluation;

/// <summary>A transition as an interval of frames <c>[Start, End]</c> (a cut has <c>Start == End</c>).</summary>
public readonly record struct BoundaryInterval(int Start, int End, BoundaryCategory Category)
{
    /// <summary>Frames between the two intervals (0 when they overlap).</summary>
    public int GapTo(BoundaryInterval other) => Math.Max(0, Math.Max(other.Start - End, Start - other.End));
}
