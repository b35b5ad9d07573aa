namespace SceneCut.Video.Libav;

/// <summary>What <see cref="LibavScaler"/> needs to know of a decoded frame's pixel format.</summary>
internal static class LibavFrameFormat
{
    private const int RangeJpeg = 2;

    /// <summary>True when the frame's samples use the full 0–255 range (JPEG range, the <c>yuvj</c> formats).</summary>
    public static unsafe bool IsFullRange(void* frame)
    {
        var format = LibavNative.Read<int>(frame, LibavNative.FrameFormat);
        return format is 12 or 13 or 14 || LibavNative.Read<int>(frame, LibavNative.FrameColorRange) == RangeJpeg;
    }
}
