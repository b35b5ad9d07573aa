using SceneCut.Video.Libav;

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
        if (Resolve(options) != DecoderKind.Ffmpeg)
        {
            return OpenCvFrameSource.Open(path, sampling);
        }

        var tools = FfmpegLocator.Locate(options);
        return UsesLibraries(options)
            ? LibavFrameSource.Open(path, tools, options, scale, sampling, cancellationToken)
            : FfmpegFrameSource.Open(path, tools, options, scale, sampling, cancellationToken);
    }

    /// <summary>
    /// What <paramref name="path"/> holds (size, rate, declared duration), read the way the configured decoder will read
    /// it: ffprobe for FFmpeg, <c>VideoCapture</c> for OpenCV. Nothing is decoded.
    /// </summary>
    /// <exception cref="VideoInputException">The file is missing, empty, unreadable or not a video.</exception>
    /// <exception cref="NativeLibraryMissingException">The chosen decoder's native parts are missing.</exception>
    public static VideoInfo Probe(string path, DecodingOptions options, CancellationToken cancellationToken = default)
    {
        if (Resolve(options) != DecoderKind.Ffmpeg)
        {
            using var source = OpenCvFrameSource.Open(path);
            return source.Info;
        }

        return FfmpegProbe.ProbeForDecoding(FfmpegLocator.Locate(options), path, options, cancellationToken).Info;
    }

    /// <summary>
    /// True when FFmpeg decodes in-process through its libraries rather than as the <c>ffmpeg</c> program: asked for
    /// (<see cref="DecodingOptions.FfmpegLibraries"/>), the system's FFmpeg (no <see cref="DecodingOptions.FfmpegPath"/>,
    /// whose program may be another version than the libraries), software decoding, and libraries of the known version.
    /// </summary>
    public static bool UsesLibraries(DecodingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.FfmpegLibraries
            && string.IsNullOrWhiteSpace(options.FfmpegPath)
            && string.IsNullOrWhiteSpace(options.HardwareAcceleration)
            && LibavFrameSource.IsAvailable;
    }
}
