using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// Frames from the machine's <c>ffmpeg</c> program through a raw-video pipe. FFmpeg decodes with all cores and its SIMD
/// code, applies rotation, and scales straight to <see cref="FrameSize"/> (for shot features a 64-px-wide picture, so
/// only a few kilobytes per frame cross the pipe). When the consumer wants samples (<see cref="FrameSampling"/>), the
/// decoded picture is split: every n-th frame is also scaled to the sample size and written to a second output
/// (<see cref="FfmpegSampleStream"/>), so the large scaling is paid only for the frames the CNN sees. Frame times are the
/// stream's own timestamps, reported per frame by FFmpeg's <c>showinfo</c> filter on stderr; frames keep decode order one
/// for one (<c>-fps_mode passthrough</c>: no frame is dropped or duplicated to fit a nominal rate).
/// </summary>
public sealed class FfmpegFrameSource : IFrameSource
{
    // BGR, one byte per channel: the layout OpenCV's Mats and the feature extractor use.
    // Small frames read ahead of the frame loop without samples: enough to keep the pipe flowing while a frame is analysed.
    private const int FramesReadAhead = 8;

    private readonly FfmpegTools _tools;
    private readonly FfmpegStreamInfo _stream;
    private readonly IReadOnlyList<string> _arguments;
    private readonly FfmpegSampleStream? _samples;
    private readonly int _sampleEveryFrames;
    private readonly int _framesInFlight;
    private DecodeSummary? _summary;
    private Process? _process;

    private FfmpegFrameSource(FfmpegTools tools, FfmpegStreamInfo stream, Size frameSize, IReadOnlyList<string> arguments, FfmpegSampleStream? samples, int sampleEveryFrames, int framesInFlight)
    {
        _framesInFlight = framesInFlight;
        _tools = tools;
        _stream = stream;
        FrameSize = frameSize;
        _arguments = arguments;
        _samples = samples;
        _sampleEveryFrames = sampleEveryFrames;
    }

    /// <inheritdoc />
    public VideoInfo Info => _stream.Info;

    /// <inheritdoc />
    public string DecoderName => "ffmpeg";

    /// <inheritdoc />
    public Size FrameSize { get; }

    /// <summary>The FFmpeg version that decodes, e.g. <c>5.1.9-0+deb12u1</c>.</summary>
    public string FfmpegVersion => _tools.Version;

    /// <summary>The <c>ffmpeg</c> command line, one element per argument (for logs and tests; never joined into a shell string).</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary>Process id of the running <c>ffmpeg</c> child once <see cref="ReadFrames"/> started it (tests check it is gone afterwards).</summary>
    internal int? ProcessId { get; private set; }

    /// <inheritdoc />
    public DecodeSummary Summary =>
        _summary ?? throw new InvalidOperationException("Decoding has not finished: enumerate ReadFrames to the end first.");

    /// <summary>Size of the <see cref="VideoFrame.Sample"/> pictures; null when no samples were asked for.</summary>
    public Size? SampleSize => _samples?.Size;

    /// <summary>
    /// Probes <paramref name="path"/> and prepares decoding at <paramref name="scale"/>, with <paramref name="sampling"/>'s
    /// larger pictures of every n-th frame when given. Throws <see cref="VideoInputException"/> naming the file and the
    /// cause (FFmpeg's own words) when it is not a readable video.
    /// </summary>
    public static FfmpegFrameSource Open(string path, FfmpegTools tools, DecodingOptions options, FrameScale scale, FrameSampling? sampling = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(options);
        var stream = FfmpegProbe.ProbeForDecoding(tools, path, options, cancellationToken);

        var displayed = new Size(stream.Info.Width, stream.Info.Height);
        var size = scale.Resolve(displayed);
        if (sampling is null)
        {
            return new FfmpegFrameSource(tools, stream, size, BuildArguments(tools, options, path, size, displayed, null), null, 0, options.FramesInFlight);
        }

        var everyFrames = sampling.EveryFrames(stream.Info.Fps);
        var samples = FfmpegSampleStream.Listen(sampling.Resolve(displayed), tools.HasUnixSocketOutput);
        var arguments = BuildArguments(tools, options, path, size, displayed, new SampleOutput(everyFrames, samples.Size, samples.Url));
        return new FfmpegFrameSource(tools, stream, size, arguments, samples, everyFrames, options.FramesInFlight);
    }

    /// <summary>Where and how the sample pictures go: every <paramref name="EveryFrames"/>-th frame at <paramref name="Size"/> to <paramref name="Url"/>.</summary>
    internal sealed record SampleOutput(int EveryFrames, Size Size, string Url);

    /// <summary>
    /// The <c>ffmpeg</c> arguments that decode <paramref name="path"/> to raw BGR frames of <paramref name="size"/> on
    /// stdout and, with <paramref name="samples"/>, every n-th frame at the sample size to the sample URL.
    /// </summary>
    internal static IReadOnlyList<string> BuildArguments(FfmpegTools tools, DecodingOptions options, string path, Size size, Size displayed, SampleOutput? samples)
    {
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "level+info" };
        if (options.Threads > 0)
        {
            arguments.AddRange(["-threads", options.Threads.ToString(CultureInfo.InvariantCulture)]);
        }

        if (!string.IsNullOrWhiteSpace(options.HardwareAcceleration))
        {
            arguments.AddRange(["-hwaccel", options.HardwareAcceleration]);
        }

        // Keep the stream's own timestamps (FFmpeg would shift them by the file's earliest start, which may be audio's);
        // the source subtracts the video stream's start itself, as OpenCV does.
        arguments.Add("-copyts");
        arguments.AddRange(["-i", FfmpegInput.Url(path)]);
        var passthrough = tools.HasFpsMode ? new[] { "-fps_mode", "passthrough" } : ["-vsync", "passthrough"];
        // showinfo goes after the scaler so its per-frame work touches the small picture only.
        var showInfo = tools.HasShowInfoChecksumOption ? "showinfo=checksum=0" : "showinfo";
        var analysis = $"{Shrink(size, displayed)},format=bgr24,{showInfo}";
        if (samples is null)
        {
            arguments.AddRange(["-map", "0:v:0", "-an", "-sn", "-dn", .. passthrough]);
            arguments.AddRange(["-vf", analysis]);
            arguments.AddRange(["-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"]);
            return arguments;
        }

        // One decode, two pictures: every frame small for the shot features (stdout), every n-th frame at the sample
        // size for the CNN (the socket). select counts the frames it receives, which are the decoded frames in order, so
        // sample k is frame k·n of stdout. Commas inside the expression are escaped for the filtergraph parser.
        var sample = string.Create(
            CultureInfo.InvariantCulture,
            $"select='not(mod(n\\,{samples.EveryFrames}))',scale={samples.Size.Width}:{samples.Size.Height}:flags=area,format=bgr24");
        arguments.AddRange(["-filter_complex", $"[0:v:0]split=2[analysis][sample];[analysis]{analysis}[small];[sample]{sample}[large]"]);
        arguments.AddRange(["-map", "[small]", .. passthrough, "-f", "rawvideo", "-pix_fmt", "bgr24", "pipe:1"]);
        arguments.AddRange(["-map", "[large]", .. passthrough, "-f", "rawvideo", "-pix_fmt", "bgr24", samples.Url]);
        return arguments;
    }

    /// <summary>
    /// The scaling to the analysis size. Always an explicit size: if the stream changes resolution mid-way the pipe still
    /// carries fixed-size frames. Area averaging when shrinking (like OpenCV's INTER_AREA the features were tuned with),
    /// bicubic when enlarging.
    /// </summary>
    private static string Shrink(Size size, Size displayed)
    {
        var shrinking = size.Width < displayed.Width && size.Height < displayed.Height;
        return string.Create(CultureInfo.InvariantCulture, $"scale={size.Width}:{size.Height}:flags={(shrinking ? "area" : "bicubic")}");
    }

    /// <inheritdoc />
    public IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken)
    {
        if (_process is not null)
        {
            throw new InvalidOperationException("ReadFrames can be enumerated once per source.");
        }

        var process = new Process { StartInfo = FfmpegCommand.CreateStartInfo(_tools.FfmpegPath, _arguments) };
        _process = process;
        process.Start();
        ProcessId = process.Id;
        // FFmpeg holds each output's latest frame until that output's next one, so sample k arrives only after the small
        // frames up to about k + n: the frame loop must be able to run that far ahead of the sample it waits for.
        var frames = new RawFrameReadAhead(FrameSize, _samples is null ? FramesReadAhead : FramesReadAhead + (2 * _sampleEveryFrames));
        frames.Start(() => process.StandardOutput.BaseStream, "ffmpeg frames");
        _samples?.Start();
        var log = new FfmpegLog(process.StandardError, _framesInFlight);
        // Killing the child ends a blocking pipe read at once; the loop below then sees the cancellation.
        var registration = cancellationToken.Register(() => FfmpegCommand.Kill(process));
        try
        {
            var frameDuration = Info.Fps > 0 ? 1.0 / Info.Fps : 0.0;
            var index = 0;
            var lastSeconds = double.NegativeInfinity;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // The end of the stream; a partial last frame (FFmpeg killed mid-write) is dropped.
                if (frames.Next(cancellationToken) is not { } image)
                {
                    break;
                }

                var seconds = Seconds(log.NextTimestamp(cancellationToken), log.TimeBase);
                // Frames without a timestamp, or repeating one: keep time monotonic, stepping by the nominal rate (as OpenCV's source does).
                if (seconds is not { } s || (index > 0 && !(s > lastSeconds)))
                {
                    seconds = index == 0 ? 0 : lastSeconds + frameDuration;
                }

                lastSeconds = seconds.Value;
                var sample = _samples is not null && index % _sampleEveryFrames == 0 ? _samples.Next(cancellationToken) : null;
                yield return new VideoFrame(index, lastSeconds, image, sample);
                index++;
            }

            cancellationToken.ThrowIfCancellationRequested();
            process.WaitForExit();
            log.WaitForEnd();
            cancellationToken.ThrowIfCancellationRequested();
            _summary = Finish(process.ExitCode, index, lastSeconds, log.Messages) with { Damage = log.Damage(index) };
        }
        finally
        {
            registration.Dispose();
            // Early exit (break, exception, cancellation): end the child and reap it, so no zombie and no open pipe remain.
            FfmpegCommand.Kill(process);
            _samples?.Dispose();
            frames.Dispose();
            log.Dispose();
            process.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Never enumerated: the listening socket (and its folder) still needs closing. Disposing twice is harmless.
        if (_process is null)
        {
            _samples?.Dispose();
        }

        if (_process is { } process)
        {
            try
            {
                FfmpegCommand.Kill(process);
            }
            catch (ObjectDisposedException)
            {
                // ReadFrames already ended and released it.
            }
        }
    }

    private double? Seconds(long? pts, (long Numerator, long Denominator)? linkTimeBase)
    {
        if (pts is not { } value)
        {
            return null;
        }

        var (num, den) = linkTimeBase ?? (_stream.TimeBaseNumerator, _stream.TimeBaseDenominator);
        return ((double)value * num / den) - _stream.StartSeconds;
    }

    private DecodeSummary Finish(int exitCode, int frames, double lastSeconds, IReadOnlyList<string> messages)
    {
        var said = messages.Count == 0 ? null : string.Join("; ", messages.TakeLast(3));
        if (frames == 0)
        {
            var cause = exitCode == 0
                ? "the container opened but no frame could be decoded (corrupt or truncated data)"
                : $"FFmpeg could not decode a single frame (exit code {exitCode})";
            throw new VideoInputException(Info.Path, VideoInputError.NoFrames, said is null ? cause : $"{cause}; FFmpeg said: {said}");
        }

        var summary = DecodeSummary.From(Info, frames, lastSeconds);
        if (!summary.EndedEarly && exitCode == 0)
        {
            // A clean run: FFmpeg's warnings (e.g. a damaged frame it concealed) would be noise in the result.
            return summary;
        }

        // FFmpeg's own words matter when the end was abnormal.
        var note = exitCode != 0 ? $"FFmpeg stopped with exit code {exitCode}" : null;
        if (said is not null)
        {
            note = note is null ? $"FFmpeg said: {said}" : $"{note}; FFmpeg said: {said}";
        }

        return DecodeSummary.From(Info, frames, lastSeconds, note);
    }
}
