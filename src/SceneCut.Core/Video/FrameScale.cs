using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// The picture size a consumer wants from a frame source. A source that can scale while decoding (FFmpeg) delivers
/// exactly this size, which saves both the full-size BGR conversion and the later shrink; a source that cannot
/// (OpenCV) delivers full-size frames. <see cref="IFrameSource.FrameSize"/> always says which one you got.
/// </summary>
/// <param name="Width">Target width in pixels; 0 for the displayed (full) width.</param>
/// <param name="Height">Target height in pixels; 0 keeps the aspect ratio of the stored picture.</param>
public readonly record struct FrameScale(int Width, int Height)
{
    /// <summary>Full-size frames, as displayed (rotation applied).</summary>
    public static FrameScale Full { get; } = new(0, 0);

    /// <summary>Frames <paramref name="width"/> wide (never wider than the video), height in proportion: the shot features' analysis copy.</summary>
    public static FrameScale ToWidth(int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        return new FrameScale(width, 0);
    }

    /// <summary>Frames of exactly <paramref name="width"/>×<paramref name="height"/>, stretched (e.g. 224×224 CNN input).</summary>
    public static FrameScale Exact(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return new FrameScale(width, height);
    }

    /// <summary>True for <see cref="Full"/>.</summary>
    public bool IsFull => Width == 0 && Height == 0;

    /// <summary>
    /// The output size for a video displayed at <paramref name="displayed"/>. Proportional heights round exactly as
    /// <see cref="Shots.FrameFeatureExtractor"/> rounds them, so its resize of an already-scaled frame is a copy.
    /// </summary>
    public Size Resolve(Size displayed)
    {
        if (IsFull || displayed.Width <= 0 || displayed.Height <= 0)
        {
            return displayed;
        }

        if (Height > 0)
        {
            return new Size(Width, Height);
        }

        var width = Math.Min(Width, displayed.Width);
        var height = Math.Max(1, (int)Math.Round((double)displayed.Height * width / displayed.Width));
        return new Size(width, height);
    }
}
