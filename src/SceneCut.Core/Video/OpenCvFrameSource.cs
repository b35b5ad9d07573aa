using OpenCvSharp;
using SceneCut.Video.Damage;

namespace SceneCut.Video;

/// <summary>
/// Frames from OpenCV's <see cref="VideoCapture"/> with its FFmpeg backend. Times come from the stream's
/// presentation timestamps; rotation metadata is applied by the backend; the container's frame count is only
/// used to notice a stream that ends early.
/// </summary>
public sealed class OpenCvFrameSource : IFrameSource
{
    private readonly VideoCapture _capture;

    // Owned by the source (not the iterator) so a frame taken out of the loop stays valid until the source is disposed.
    private readonly Mat _image = new();
    private readonly int _sampleEveryFrames;
    private DecodeSummary? _summary;

    private OpenCvFrameSource(VideoCapture capture, VideoInfo info, FrameSampling? sampling)
    {
        _capture = capture;
        Info = info;
        // 0: no samples wanted.
        _sampleEveryFrames = sampling?.EveryFrames(info.Fps) ?? 0;
    }

    /// <inheritdoc />
    public VideoInfo Info { get; }

    /// <inheritdoc />
    public string DecoderName => "opencv";

    /// <inheritdoc />
    /// <remarks>Always the displayed size: <c>VideoCapture</c> cannot scale while decoding, so consumers shrink frames themselves.</remarks>
    public Size FrameSize => new(Info.Width, Info.Height);

    /// <inheritdoc />
    public DecodeSummary Summary =>
        _summary ?? throw new InvalidOperationException("Decoding has not finished: enumerate ReadFrames to the end first.");

    /// <summary>
    /// Opens <paramref name="path"/>; throws <see cref="VideoInputException"/> naming the file and cause when it is not a
    /// readable video. With <paramref name="sampling"/>, frames at its sample points carry their full-size picture as
    /// <see cref="VideoFrame.Sample"/> too (VideoCapture cannot scale, so the consumer shrinks it).
    /// </summary>
    public static OpenCvFrameSource Open(string path, FrameSampling? sampling = null)
    {
        VideoFileCheck.EnsureReadable(path);
        OpenCvRuntime.EnsureLoaded();

        var capture = new VideoCapture();
        try
        {
            if (!capture.Open(path, VideoCaptureAPIs.FFMPEG) || !capture.IsOpened())
            {
                throw new VideoInputException(path, VideoInputError.NotAVideo, "not a video the decoder recognises (unknown format or damaged header)");
            }

            return new OpenCvFrameSource(capture, ReadInfo(path, capture), sampling);
        }
        catch
        {
            capture.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken)
    {
        var image = _image;
        var index = 0;
        var lastSeconds = double.NegativeInfinity;
        var frameDuration = Info.Fps > 0 ? 1.0 / Info.Fps : 0.0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!_capture.Read(image) || image.Empty())
            {
                break;
            }

            var seconds = _capture.Get(VideoCaptureProperties.PosMsec) / 1000.0;
            // Streams without timestamps report 0 or repeat the last time: keep time monotonic, stepping by the nominal rate.
            if (index > 0 && !(seconds > lastSeconds))
            {
                seconds = lastSeconds + frameDuration;
            }

            lastSeconds = seconds;
            var sample = _sampleEveryFrames > 0 && index % _sampleEveryFrames == 0 ? image : null;
            yield return new VideoFrame(index, seconds, image, sample);
            index++;
        }

        if (index == 0)
        {
            throw new VideoInputException(Info.Path, VideoInputError.NoFrames, "the container opened but no frame could be decoded (corrupt or truncated data)");
        }

        // OpenCV conceals FFmpeg's errors and hands over damaged frames as if clean: it cannot say which frames were damaged.
        _summary = DecodeSummary.From(Info, index, lastSeconds) with { Damage = DecodeDamage.Unknown };
    }

    /// <summary>
    /// Decodes every frame without converting it to a picture (OpenCV's <c>grab</c>): the decoder's own cost, for
    /// benchmarks. Returns the number of frames.
    /// </summary>
    public int GrabAll(CancellationToken cancellationToken)
    {
        var frames = 0;
        while (_capture.Grab())
        {
            cancellationToken.ThrowIfCancellationRequested();
            frames++;
        }

        return frames;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _capture.Dispose();
        _image.Dispose();
    }

    private static VideoInfo ReadInfo(string path, VideoCapture capture)
    {
        var fps = capture.Fps;
        if (double.IsNaN(fps) || double.IsInfinity(fps) || fps < 0)
        {
            fps = 0;
        }

        var declared = Math.Max(0, capture.FrameCount);
        var fourcc = (int)capture.Get(VideoCaptureProperties.FourCC);
        return new VideoInfo(
            Path: path,
            Fps: fps,
            Width: capture.FrameWidth,
            Height: capture.FrameHeight,
            DeclaredFrameCount: declared,
            DeclaredDurationSeconds: fps > 0 ? declared / fps : 0,
            Codec: FourCcToString(fourcc),
            RotationDegrees: (int)capture.Get(VideoCaptureProperties.OrientationMeta));
    }

    private static string FourCcToString(int fourcc)
    {
        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            var c = (char)((fourcc >> (8 * i)) & 0xFF);
            chars[i] = char.IsAsciiLetterOrDigit(c) ? c : ' ';
        }

        return new string(chars).Trim().ToLowerInvariant();
    }
}
