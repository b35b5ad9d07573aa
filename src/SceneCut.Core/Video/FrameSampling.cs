using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// Larger pictures a consumer wants of a few frames, besides the small analysis frame of every frame: every
/// <see cref="EverySeconds"/>, shrunk so the shorter side is <see cref="ShortSide"/> pixels (the CNN's samples).
/// A source that scales while decoding (FFmpeg) scales only these frames to this size, in a second output, so the
/// per-frame stream stays a few kilobytes; a source that cannot (OpenCV) hands over its full-size frame at those points.
/// </summary>
/// <param name="EverySeconds">Time between samples.</param>
/// <param name="ShortSide">Shorter side of a sample in pixels; never enlarged beyond the video.</param>
public sealed record FrameSampling(double EverySeconds, int ShortSide)
{
    // Streams that declare no rate: one sample per EverySeconds of an assumed 25 fps.
    private const double FallbackFps = 25.0;

    /// <summary>Frames between samples for a video of <paramref name="fps"/>; frames 0, n, 2n … are samples.</summary>
    public int EveryFrames(double fps) => Math.Max(1, (int)Math.Round(EverySeconds * (fps > 0 ? fps : FallbackFps)));

    /// <summary>The size of a sample of a frame displayed at <paramref name="displayed"/>.</summary>
    public Size Resolve(Size displayed) => Shrink(displayed, ShortSide);

    /// <summary>
    /// <paramref name="size"/> scaled so its shorter side is at most <paramref name="shortSide"/>, rounded per side.
    /// Detection, training and FFmpeg's sample output all size their CNN pictures with this one function.
    /// </summary>
    public static Size Shrink(Size size, int shortSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shortSide, 1);
        var scale = Math.Min(1.0, (double)shortSide / Math.Min(size.Width, size.Height));
        return scale < 1.0
            ? new Size(Math.Max(1, (int)Math.Round(size.Width * scale)), Math.Max(1, (int)Math.Round(size.Height * scale)))
            : size;
    }
}
