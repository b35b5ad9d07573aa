namespace SceneCut.Video;

/// <summary>How decoding ended: how many frames came out and whether the stream stopped before the container said it would.</summary>
/// <param name="FramesDecoded">Frames that actually decoded.</param>
/// <param name="LastFrameSeconds">Presentation time of the last decoded frame.</param>
/// <param name="EndedEarly">True when decoding stopped well before the container's declared length (truncated or damaged file).</param>
/// <param name="Warning">Human-readable explanation when <paramref name="EndedEarly"/>, else null.</param>
public sealed record DecodeSummary(int FramesDecoded, double LastFrameSeconds, bool EndedEarly, string? Warning);
