namespace SceneCut.Video;

/// <summary>
/// Opens the frame source that <see cref="DecodingOptions.Decoder"/> asks for. <see cref="DecoderKind.Auto"/> takes the
/// machine's FFmpeg when it is installed and runs (checked once per process), else OpenCV's <c>VideoCapture</c>; the
/// chosen source's <see cref="IFrameSource.DecoderName"/> goes into the result document.
/// </summary>
public static class FrameSourceFactory
{
    /// <summary>The decoder <paramref name="options"/> resolve to on this machine (never <see cref="DecoderKind.Auto"/>).</summary>
    /// <exception cref="NativeLibraryMissingException"><see cref="DecoderKind.Ffmpeg"/> was asked for and FFmpeg is missing or broken.</exception>
    public static DecoderKind Resolve(DecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (options.Decoder)
        {
            case DecoderKind.Opencv:
                return DecoderKind.Opencv;
            case DecoderKind.Ffmpeg:
                // Asked for by name: a missing FFmpeg is an error that says how to install it, not a silent fallback.
                _ = FfmpegLocator.Locate(options);
                return DecoderKind.Ffmpeg;
            default:
                return FfmpegLocator.TryLocate(options, out _) is not null ? DecoderKind.Ffmpeg : DecoderKind.Opencv;
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> with the resolved decoder. <paramref name="scale"/> is the picture size the caller
    /// wants; FFmpeg delivers exactly that, OpenCV delivers full-size frames (see <see cref="IFrameSource.FrameSize"/>).
    /// With <paramref name="sampling"/>, frames at its sample points also carry a larger <see cref="VideoFrame.Sample"/>.
    /// </summary>
    /// <exception cref="VideoInputException">The file is missing, empty, unreadable or not a video.</exception>
    /// <exception cref="NativeLibraryMissingException">The chosen decoder's native parts are missing.</exception>
    public static IFrameSource Open(string path, DecodingOptions options, FrameScale scale, FrameSampling? sampling = null, CancellationToken cancellationToken = default)
    {
        return Resolve(options) == DecoderKind.Ffmpeg
            ? FfmpegFrameSource.Open(path, FfmpegLocator.Locate(options), options, scale, sampling, cancellationToken)
            : OpenCvFrameSource.Open(path, sampling);
    }
}
