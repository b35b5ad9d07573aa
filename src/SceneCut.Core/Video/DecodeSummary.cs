using SceneCut.Video.Damage;

namespace SceneCut.Video;

/// <summary>How decoding ended: how many frames came out and whether the stream stopped before the container said it would.</summary>
/// <param name="FramesDecoded">Frames that actually decoded.</param>
/// <param name="LastFrameSeconds">Presentation time of the last decoded frame.</param>
/// <param name="EndedEarly">True when decoding stopped well before the container's declared length (truncated or damaged file).</param>
/// <param name="Warning">Human-readable explanation when <paramref name="EndedEarly"/>, else null.</param>
public sealed record DecodeSummary(int FramesDecoded, double LastFrameSeconds, bool EndedEarly, string? Warning)
{
    // A stream that ends this far short of the container's declared length and duration is reported as truncated.
    private const double EarlyEndTolerance = 0.9;

    /// <summary>Frames the decoder reported damaged or concealed (<see cref="DecodeDamage.Unknown"/> when it cannot tell).</summary>
    public DecodeDamage Damage { get; init; } = DecodeDamage.None;

    /// <summary>
    /// The summary every frame source gives, by one rule: decoding ended early when both the frame count and the time
    /// reached fall short of the container's claims (either alone can be wrong, e.g. tree.avi's header).
    /// </summary>
    /// <param name="info">The container's claims.</param>
    /// <param name="framesDecoded">Frames that decoded.</param>
    /// <param name="lastSeconds">Time of the last decoded frame.</param>
    /// <param name="decoderNote">What the decoder itself said about the end (e.g. FFmpeg's error text), appended to the warning; null when nothing.</param>
    public static DecodeSummary From(VideoInfo info, int framesDecoded, double lastSeconds, string? decoderNote = null)
    {
        var decodedSeconds = lastSeconds + (info.Fps > 0 ? 1.0 / info.Fps : 0.0);
        var endedEarly = info.DeclaredFrameCount > 0
            && framesDecoded < info.DeclaredFrameCount * EarlyEndTolerance
            && decodedSeconds < info.DeclaredDurationSeconds * EarlyEndTolerance;
        var warning = endedEarly
            ? $"decoding ended at frame {framesDecoded} ({decodedSeconds:0.###} s) but the container declares {info.DeclaredFrameCount} frames " +
              $"({info.DeclaredDurationSeconds:0.###} s): the file looks truncated or damaged; results cover the decoded part only"
            : null;
        if (decoderNote is not null)
        {
            warning = warning is null ? decoderNote : $"{warning} ({decoderNote})";
        }

        return new DecodeSummary(framesDecoded, Math.Max(0, lastSeconds), endedEarly, warning);
    }
}
