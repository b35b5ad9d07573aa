using System.Collections.Concurrent;
using System.Text;

namespace SceneCut.Video.Libav;

/// <summary>
/// Demuxes a file's first video stream and decodes it with libavcodec inside this process, on FFmpeg's own frame
/// threads (as many as the machine has, like the <c>ffmpeg</c> program), handing out one <c>AVFrame</c> at a time in
/// decode order. Packets of other streams are discarded by the demuxer. Damaged packets are skipped as the program
/// skips them; a read error ends the stream early and says why in <see cref="StopReason"/>. Every error FFmpeg logs for
/// this file and every packet it refuses becomes a <see cref="LibavDamageReport"/> in <see cref="DamageReports"/>.
/// </summary>
internal sealed unsafe class LibavDecoder : IDisposable
{
    private void* _format;
    private void* _codec;
    private void* _packet;
    private void* _frame;
    private readonly int _streamIndex;
    private readonly LibavLog _log;
    private readonly int _packetsInFlight;
    // Timestamps of the last packets sent: the ones an error logged now can be about.
    private readonly Queue<long> _inFlight = new();
    private bool _draining;

    private LibavDecoder(string path, DecodingOptions options, LibavLog log)
    {
        _log = log;
        _packetsInFlight = options.FramesInFlight;
        var threads = options.Threads;
        try
        {
            var url = Encoding.UTF8.GetBytes(FfmpegInput.Url(path) + "\0");
            void* format = null;
            fixed (byte* urlBytes = url)
            {
                Check(path, LibavNative.OpenInput(&format, urlBytes, null, null), "FFmpeg could not open the file");
            }

            _format = format;
            log.Format = (nint)format;
            Check(path, LibavNative.FindStreamInfo(_format, null), "FFmpeg could not read the stream parameters");
            _streamIndex = FirstVideoStream(path);
            var stream = Stream(_streamIndex);
            var parameters = (void*)LibavNative.Read<nint>(stream, LibavNative.StreamCodecParameters);
            CodedSize = (LibavNative.Read<int>(parameters, LibavNative.ParametersWidth), LibavNative.Read<int>(parameters, LibavNative.ParametersHeight));
            TimeBase = (LibavNative.Read<int>(stream, LibavNative.StreamTimeBase), LibavNative.Read<int>(stream, LibavNative.StreamTimeBase + 4));
            var codecId = LibavNative.Read<int>(parameters, LibavNative.ParametersCodecId);
            var codec = LibavNative.FindDecoder(codecId);
            if (codec is null)
            {
                throw new VideoInputException(path, VideoInputError.NotAVideo, $"this FFmpeg has no decoder for the video codec (id {codecId})");
            }

            _codec = LibavNative.AllocCodecContext(codec);
            Check(path, LibavNative.ParametersToContext(_codec, parameters), "FFmpeg could not set up the decoder");
            fixed (byte* name = "threads\0"u8)
            {
                // 0 = one thread per core plus one, FFmpeg's own default in the program.
                _ = LibavNative.SetOptionInt(_codec, name, threads, 0);
            }

            // Copied into every frame thread's context by FFmpeg: how the log tells this file's messages from another's.
            *(nint*)((byte*)_codec + LibavNative.CodecContextOpaque) = log.Key;
            Check(path, LibavNative.OpenCodec(_codec, codec, null), "FFmpeg could not open the decoder");
            _packet = LibavNative.AllocPacket();
            _frame = LibavNative.AllocFrame();
            if (_packet is null || _frame is null)
            {
                throw new OutOfMemoryException("FFmpeg could not allocate a packet or frame");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The stream's stored picture size as the demuxer reads it (checked against ffprobe's: a wrong struct layout shows here first).</summary>
    public (int Width, int Height) CodedSize { get; }

    /// <summary>The stream's time base: timestamps are integers in this unit.</summary>
    public (int Numerator, int Denominator) TimeBase { get; }

    /// <summary>Set when reading stopped on an error other than the end of the file: FFmpeg's words for it.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Errors FFmpeg reported so far, filled by the thread that calls <see cref="Next"/>, taken by the frame loop.</summary>
    public ConcurrentQueue<LibavDamageReport> DamageReports { get; } = new();

    /// <summary>
    /// Opens <paramref name="path"/> (already probed) with <paramref name="options"/>' decoder threads; FFmpeg's messages
    /// about this file go to <paramref name="log"/>.
    /// </summary>
    public static LibavDecoder Open(string path, DecodingOptions options, LibavLog log) => new(path, options, log);

    /// <summary>
    /// The next decoded frame (an <c>AVFrame*</c> owned by the decoder, valid until the next call), or 0 at the end of
    /// the stream.
    /// </summary>
    public nint Next(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var received = LibavNative.ReceiveFrame(_codec, _frame);
            // Before the frame is handed on: a report about it must reach the frame loop no later than the frame itself.
            TakeLoggedErrors();
            if (received == 0)
            {
                return (nint)_frame;
            }

            if (received != LibavNative.ErrorTryAgain)
            {
                // AVERROR_EOF after draining; any other error here is the decoder giving up on the rest of the stream.
                if (received != LibavNative.ErrorEof)
                {
                    StopReason ??= LibavNative.Describe(received);
                }

                return 0;
            }

            if (_draining)
            {
                return 0;
            }

            var read = LibavNative.ReadFrame(_format, _packet);
            if (read < 0)
            {
                if (read != LibavNative.ErrorEof)
                {
                    StopReason = LibavNative.Describe(read);
                }

                // A null packet flushes the frames the threads still hold.
                _draining = true;
                _ = LibavNative.SendPacket(_codec, null);
                continue;
            }

            if (LibavNative.Read<int>(_packet, LibavNative.PacketStreamIndex) == _streamIndex)
            {
                var timestamp = PacketTimestamp(_packet);
                _inFlight.Enqueue(timestamp);
                if (_inFlight.Count > _packetsInFlight)
                {
                    _inFlight.Dequeue();
                }

                // A damaged packet is skipped, as the ffmpeg program does, and reported on its own time.
                var sent = LibavNative.SendPacket(_codec, _packet);
                if (sent < 0 && sent != LibavNative.ErrorTryAgain && sent != LibavNative.ErrorEof)
                {
                    DamageReports.Enqueue(new LibavDamageReport(timestamp, timestamp, $"decoder refused a packet: {LibavNative.Describe(sent)}"));
                }

                TakeLoggedErrors();
            }

            LibavNative.UnrefPacket(_packet);
        }
    }

    /// <summary>
    /// The best-effort timestamp of <paramref name="frame"/> (an <c>AVFrame*</c>) in stream time-base units, as the
    /// <c>ffmpeg</c> program stamps decoded frames; <see cref="LibavNative.NoTimestamp"/> when it has none.
    /// </summary>
    public static long Timestamp(nint frame) => LibavNative.Read<long>((void*)frame, LibavNative.FrameBestEffortTimestamp);

    /// <inheritdoc />
    public void Dispose()
    {
        var frame = _frame;
        LibavNative.FreeFrame(&frame);
        _frame = null;
        var packet = _packet;
        LibavNative.FreePacket(&packet);
        _packet = null;
        var codec = _codec;
        LibavNative.FreeCodecContext(&codec);
        _codec = null;
        var format = _format;
        if (format is not null)
        {
            _log.Format = 0;
            LibavNative.CloseInput(&format);
        }

        _format = null;
    }

    private static long PacketTimestamp(void* packet)
    {
        var pts = LibavNative.Read<long>(packet, LibavNative.PacketPts);
        return pts != LibavNative.NoTimestamp ? pts : LibavNative.Read<long>(packet, LibavNative.PacketDts);
    }

    // Errors logged since the last look, each placed on the packets in flight now (the one it is about is among them).
    private void TakeLoggedErrors()
    {
        while (_log.TryTakeError(out var message))
        {
            var known = _inFlight.Where(t => t != LibavNative.NoTimestamp).ToList();
            DamageReports.Enqueue(known.Count == 0
                ? new LibavDamageReport(LibavNative.NoTimestamp, LibavNative.NoTimestamp, message)
                : new LibavDamageReport(known.Min(), known.Max(), message));
        }
    }

    private void* Stream(int index) => ((void**)LibavNative.Read<nint>(_format, LibavNative.FormatStreams))[index];

    // The first video stream, as `-map 0:v:0` and ffprobe's `-select_streams v:0` take it; every other stream is discarded at the demuxer.
    private int FirstVideoStream(string path)
    {
        var count = LibavNative.Read<uint>(_format, LibavNative.FormatNbStreams);
        var found = -1;
        for (var i = 0; i < count; i++)
        {
            var parameters = (void*)LibavNative.Read<nint>(Stream(i), LibavNative.StreamCodecParameters);
            if (found < 0 && LibavNative.Read<int>(parameters, LibavNative.ParametersCodecType) == LibavNative.MediaTypeVideo)
            {
                found = i;
                continue;
            }

            *(int*)((byte*)Stream(i) + LibavNative.StreamDiscard) = LibavNative.DiscardAll;
        }

        return found >= 0 ? found : throw new VideoInputException(path, VideoInputError.NotAVideo, "no video stream");
    }

    private static void Check(string path, int result, string what)
    {
        if (result < 0)
        {
            throw new VideoInputException(path, VideoInputError.NotAVideo, $"{what}: {LibavNative.Describe(result)}");
        }
    }
}
