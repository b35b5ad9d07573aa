namespace SceneCut.Video.Damage;

/// <summary>Frames <c>[StartFrame, EndFrame]</c> (0-based, decode order) that the decoder reported damaged or concealed.</summary>
/// <param name="StartFrame">First damaged frame.</param>
/// <param name="EndFrame">Last damaged frame.</param>
/// <param name="Errors">Error events in the range: FFmpeg's error messages, packets it refused, frames it flagged.</param>
/// <param name="Messages">FFmpeg's own words for the damage, distinct, the first few of the range.</param>
public sealed record DamagedRange(int StartFrame, int EndFrame, int Errors, IReadOnlyList<string> Messages)
{
    /// <summary>Frames in the range.</summary>
    public int FrameCount => EndFrame - StartFrame + 1;
}
