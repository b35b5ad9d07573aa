namespace SceneCut.Results;

/// <summary>Frames <c>[StartFrame, EndFrame]</c> the decoder reported damaged or concealed, with its own words.</summary>
/// <param name="StartFrame">First damaged frame.</param>
/// <param name="EndFrame">Last damaged frame.</param>
/// <param name="StartSeconds">Time of the first damaged frame.</param>
/// <param name="EndSeconds">Time the first frame after the range starts.</param>
/// <param name="Errors">Error events in the range (FFmpeg's error messages, refused packets, frames it flagged).</param>
/// <param name="Messages">FFmpeg's words, e.g. <c>h264: error while decoding MB 24 5, bytestream 2452</c> (the first few, distinct).</param>
public sealed record DamagedFramesEntry(int StartFrame, int EndFrame, double StartSeconds, double EndSeconds, int Errors, IReadOnlyList<string> Messages);
