using OpenCvSharp;
using SceneCut.Video.Damage;

namespace SceneCut.Video.Libav;

/// <summary>
/// Frames decoded inside this process by the machine's FFmpeg libraries (libavformat/libavcodec 5.1, on all cores with
/// FFmpeg's SIMD code): the same decoder as <see cref="FfmpegFrameSource"/>'s <c>ffmpeg</c> program without the program.
/// The program runs its filters and muxers on one thread, serial with the decoder's output, and so reaches only 0.8–0.9
/// of <c>ffmpeg -f null</c>'s speed; here a thread of its own keeps the decoder fed (<see cref="LibavReadAhead"/>) while
/// the frame loop scales each frame with swscale exactly as the program's <c>scale</c> filter would (<see cref="LibavPictures"/>):
/// the same pictures, at the speed of <c>ffmpeg -f null</c>.
/// Container facts, rotation and the time base come from the same <c>ffprobe</c> probe as the program source; frame
/// times are the decoder's best-effort timestamps (what the program reports), in decode order one for one.
/// Damage is reported, not hidden: frames the decoder flags (<c>AV_FRAME_FLAG_CORRUPT</c>, <c>decode_error_flags</c>)
/// and FFmpeg's error messages for this file, placed on the frames whose packets were in flight, become the
/// <see cref="DecodeSummary.Damage"/> ranges.
/// </summary>
public sealed class LibavFrameSource : IFrameSource
{
    // Frames decoded ahead of the frame loop: enough to keep FFmpeg's frame threads fed while a frame is analysed, few
    // enough that the decoded frames held stay small (8 × 1.4 MB at 720p, 8 × 12 MB at 4K).
    private const int FramesReadAhead = 8;

    private readonly FfmpegStreamInfo _stream;
    private readonly DecodingOptions _options;
    private readonly Size _sampleSize;
    private readonly int _sampleEveryFrames;
    private DecodeSummary? _summary;
    private bool _started;

    private LibavFrameSource(FfmpegStreamInfo stream, DecodingOptions options, Size frameSize, Size sampleSize, int sampleEveryFrames)
    {
        _stream = stream;
        _options = options;
        FrameSize = frameSize;
        _sampleSize = sampleSize;
        _sampleEveryFrames = sampleEveryFrames;
    }

    /// <summary>True when FFmpeg's libraries load here and are a version this source knows (FFmpeg 5.1).</summary>
    public static bool IsAvailable => LibavLibraries.IsAvailable;

    /// <summary>Why this source cannot be used on this machine; null when it can.</summary>
    public static string? WhyUnavailable => LibavLibraries.WhyUnavailable;

    /// <inheritdoc />
    public VideoInfo Info => _stream.Info;

    /// <inheritdoc />
    public string DecoderName => "ffmpeg-libraries";

    /// <inheritdoc />
    public Size FrameSize { get; }

    /// <summary>Size of the <see cref="VideoFrame.Sample"/> pictures; null when no samples were asked for.</summary>
    public Size? SampleSize => _sampleEveryFrames > 0 ? _sampleSize : null;

    /// <summary>The thread that decoded, once <see cref="ReadFrames"/> started it (tests check it has ended afterwards).</summary>
    internal Thread? DecodingThread { get; private set; }

    /// <inheritdoc />
    public DecodeSummary Summary =>
        _summary ?? throw new InvalidOperationException("Decoding has not finished: enumerate ReadFrames to the end first.");

    /// <summary>
    /// Probes <paramref name="path"/> with <c>ffprobe</c> and prepares decoding at <paramref name="scale"/>, with
    /// <paramref name="sampling"/>'s larger pictures of every n-th frame when given. Throws <see cref="VideoInputException"/>
    /// naming the file and the cause (FFmpeg's own words) when it is not a readable video.
    /// </summary>
    /// <exception cref="NativeLibraryMissingException">The libraries are missing or another version (see <see cref="IsAvailable"/>).</exception>
    public static LibavFrameSource Open(string path, FfmpegTools tools, DecodingOptions options, FrameScale scale, FrameSampling? sampling = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(options);
        if (WhyUnavailable is { } why)
        {
            throw new NativeLibraryMissingException(why, "sudo apt-get install -y ffmpeg", null);
        }

        var stream = FfmpegProbe.ProbeForDecoding(tools, path, options, cancellationToken);

        var displayed = new Size(stream.Info.Width, stream.Info.Height);
        var everyFrames = sampling?.EveryFrames(stream.Info.Fps) ?? 0;
        return new LibavFrameSource(stream, options, scale.Resolve(displayed), sampling?.Resolve(displayed) ?? default, everyFrames);
    }

    /// <inheritdoc />
    public IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken)
    {
        if (_started)
        {
            throw new InvalidOperationException("ReadFrames can be enumerated once per source.");
        }

        _started = true;
        return Read(cancellationToken);
    }

    private IEnumerable<VideoFrame> Read(CancellationToken cancellationToken)
    {
        using var log = LibavLog.Listen();
        using var decoder = LibavDecoder.Open(Info.Path, _options, log);
        EnsureSameStream(decoder);
        using var pictures = new LibavPictures(FrameSize, _sampleSize, Info.RotationDegrees);
        using var readAhead = new LibavReadAhead(decoder, FramesReadAhead);
        DecodingThread = readAhead.Thread;
        // Owned by the enumeration and reused for every frame: the contract of VideoFrame.
        using var image = new Mat(FrameSize, MatType.CV_8UC3);
        using var sample = _sampleEveryFrames > 0 ? new Mat(_sampleSize, MatType.CV_8UC3) : null;
        var frameDuration = Info.Fps > 0 ? 1.0 / Info.Fps : 0.0;
        var damage = new DamageCollector();
        var reports = new List<LibavPendingReport>();
        var index = 0;
        var lastSeconds = double.NegativeInfinity;
        while (readAhead.Next(cancellationToken) is var frame && frame != 0)
        {
            var timestamp = LibavDecoder.Timestamp(frame);
            Place(decoder, reports, damage, index, timestamp);
            if (FlaggedDamage(frame) is { } flagged)
            {
                damage.Mark(index, index, flagged);
            }

            var seconds = Seconds(timestamp, decoder.TimeBase);
            // Frames without a timestamp, or repeating one: keep time monotonic, stepping by the nominal rate (as the other sources do).
            if (seconds is not { } s || (index > 0 && !(s > lastSeconds)))
            {
                seconds = index == 0 ? 0 : lastSeconds + frameDuration;
            }

            lastSeconds = seconds.Value;
            // Scaled here, not on the decoding thread, so that thread does nothing but keep FFmpeg's decoder threads fed.
            pictures.Analysis(frame, image);
            var isSample = sample is not null && index % _sampleEveryFrames == 0;
            if (isSample)
            {
                pictures.Sample(frame, sample!);
            }

            yield return new VideoFrame(index, lastSeconds, image, isSample ? sample : null);
            index++;
        }

        cancellationToken.ThrowIfCancellationRequested();
        // Reports about frames that never came out (the end of a damaged stream) stay on the last frame that did.
        Place(decoder, reports, damage, index, long.MaxValue);
        _summary = Finish(index, lastSeconds, decoder.StopReason, log.Messages) with { Damage = damage.Build(index) };
    }

    // Puts FFmpeg's error reports on frames by time: a report covers the frames whose timestamps lie in its packets'
    // span; one that covered no frame (its packet gave none) lands on the next frame out.
    private static void Place(LibavDecoder decoder, List<LibavPendingReport> reports, DamageCollector damage, int index, long timestamp)
    {
        while (decoder.DamageReports.TryDequeue(out var report))
        {
            reports.Add(new LibavPendingReport(report));
        }

        for (var i = 0; i < reports.Count; i++)
        {
            var pending = reports[i];
            var report = pending.Report;
            var inside = report.HasTimestamps && timestamp != LibavNative.NoTimestamp
                && timestamp >= report.FirstTimestamp && timestamp <= report.LastTimestamp;
            var passed = !report.HasTimestamps || timestamp == LibavNative.NoTimestamp || timestamp > report.LastTimestamp;
            if (inside || (passed && !pending.Placed))
            {
                // One error counted once however many frames its span covers.
                damage.Mark(index, index, report.Message, pending.Placed ? 0 : 1);
                pending.Placed = true;
            }

            if (passed)
            {
                reports.RemoveAt(i);
                i--;
            }
        }
    }

    // The decoder's own verdict on a frame it output: corrupt, or decoded with errors it concealed.
    private unsafe string? FlaggedDamage(nint frame)
    {
        var flags = LibavNative.Read<int>((void*)frame, LibavNative.FrameFlags);
        var errors = LibavNative.Read<int>((void*)frame, LibavNative.FrameDecodeErrorFlags);
        if ((flags & LibavNative.FrameFlagCorrupt) == 0 && errors == 0)
        {
            return null;
        }

        var what = new List<string>();
        if ((flags & LibavNative.FrameFlagCorrupt) != 0)
        {
            what.Add("corrupt");
        }

        if ((errors & LibavNative.DecodeErrorInvalidBitstream) != 0)
        {
            what.Add("invalid bitstream");
        }

        if ((errors & LibavNative.DecodeErrorMissingReference) != 0)
        {
            what.Add("missing reference");
        }

        if ((errors & LibavNative.DecodeErrorConcealmentActive) != 0)
        {
            what.Add("errors concealed");
        }

        if ((errors & LibavNative.DecodeErrorSlices) != 0)
        {
            what.Add("slices failed");
        }

        return $"{Info.Codec}: frame decoded with {string.Join(", ", what)}";
    }

    /// <inheritdoc />
    /// <remarks>Native resources belong to the enumeration and are released when it ends or is disposed.</remarks>
    public void Dispose()
    {
    }

    // ffprobe and the libraries read the same file: if they disagree on the stored size or time base, the struct layout
    // in LibavNative does not fit these libraries, and nothing they return can be trusted.
    private void EnsureSameStream(LibavDecoder decoder)
    {
        var quarterTurn = Info.RotationDegrees % 180 == 90;
        var stored = quarterTurn ? (Info.Height, Info.Width) : (Info.Width, Info.Height);
        var timeBase = ((long)decoder.TimeBase.Numerator, (long)decoder.TimeBase.Denominator);
        if (decoder.CodedSize != stored || timeBase != (_stream.TimeBaseNumerator, _stream.TimeBaseDenominator))
        {
            throw new InvalidOperationException(
                $"FFmpeg's libraries read {decoder.CodedSize.Width}×{decoder.CodedSize.Height}, time base {timeBase.Item1}/{timeBase.Item2} where ffprobe read " +
                $"{stored.Item1}×{stored.Item2}, {_stream.TimeBaseNumerator}/{_stream.TimeBaseDenominator} in {Info.Path}: set SceneCut:Decoding:FfmpegLibraries to false");
        }
    }

    private double? Seconds(long pts, (int Numerator, int Denominator) timeBase)
    {
        if (pts == LibavNative.NoTimestamp || timeBase.Denominator == 0)
        {
            return null;
        }

        return ((double)pts * timeBase.Numerator / timeBase.Denominator) - _stream.StartSeconds;
    }

    private DecodeSummary Finish(int frames, double lastSeconds, string? stopReason, IReadOnlyList<string> messages)
    {
        var said = messages.Count == 0 ? null : string.Join("; ", messages.TakeLast(3));
        if (frames == 0)
        {
            var cause = stopReason is null
                ? "the container opened but no frame could be decoded (corrupt or truncated data)"
                : $"FFmpeg could not decode a single frame ({stopReason})";
            throw new VideoInputException(Info.Path, VideoInputError.NoFrames, said is null ? cause : $"{cause}; FFmpeg said: {said}");
        }

        var summary = DecodeSummary.From(Info, frames, lastSeconds);
        if (!summary.EndedEarly && stopReason is null)
        {
            // A clean run: FFmpeg's warnings (e.g. a damaged frame it concealed) would be noise in the result.
            return summary;
        }

        var note = stopReason is not null ? $"reading stopped: {stopReason}" : null;
        if (said is not null)
        {
            note = note is null ? $"FFmpeg said: {said}" : $"{note}; FFmpeg said: {said}";
        }

        return DecodeSummary.From(Info, frames, lastSeconds, note);
    }
}
