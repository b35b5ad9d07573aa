using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using SceneCut.Video.Damage;

namespace SceneCut.Video;

/// <summary>
/// Reads a running <c>ffmpeg</c>'s stderr on its own thread (a full stderr pipe would stall FFmpeg). It hands over the
/// timestamp of each frame that <c>showinfo</c> reports, in order, and keeps FFmpeg's warnings and errors for messages.
/// Expects <c>-loglevel level+info</c>, which tags every line with its level. Every error line is damage: stderr
/// keeps FFmpeg's order, so it is placed on the frames from the next one <c>showinfo</c> reports to as many after it as
/// the decoder can hold in flight (the message does not say which of them it is about).
/// </summary>
internal sealed partial class FfmpegLog : IDisposable
{
    // FFmpeg's own messages are kept to the most recent ones: the cause of a failure is at the end.
    private const int MaxMessages = 12;

    private readonly TextReader _stderr;
    private readonly BlockingCollection<long?> _timestamps = new();
    private readonly Queue<string> _messages = new();
    private readonly Thread _thread;
    private readonly DamageCollector _damage = new();
    private readonly int _framesInFlight;
    private int _framesSeen;
    private long _timeBaseNumerator;
    private long _timeBaseDenominator;

    /// <summary>Starts reading <paramref name="stderr"/> of a decoder that holds up to <paramref name="framesInFlight"/> frames at once.</summary>
    public FfmpegLog(TextReader stderr, int framesInFlight = 1)
    {
        _stderr = stderr;
        _framesInFlight = Math.Max(1, framesInFlight);
        _thread = new Thread(ReadAll) { IsBackground = true, Name = "ffmpeg stderr" };
        _thread.Start();
    }

    /// <summary>The time base of showinfo's <c>pts</c> values, once its configuration line was read; null before.</summary>
    public (long Numerator, long Denominator)? TimeBase =>
        Interlocked.Read(ref _timeBaseDenominator) is > 0 and var den ? (Interlocked.Read(ref _timeBaseNumerator), den) : null;

    /// <summary>
    /// The next frame's timestamp in <see cref="TimeBase"/> units; null when the frame has none or stderr ended first.
    /// Blocks until showinfo's line for that frame arrives (it is written before the frame reaches stdout).
    /// </summary>
    public long? NextTimestamp(CancellationToken cancellationToken) =>
        _timestamps.TryTake(out var pts, Timeout.Infinite, cancellationToken) ? pts : null;

    /// <summary>Waits until stderr is closed (FFmpeg exited) so <see cref="Messages"/> is complete.</summary>
    public void WaitForEnd() => _thread.Join();

    /// <summary>FFmpeg's warnings and errors (most recent last), each as <c>context: text</c>.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToArray();
            }
        }
    }

    /// <summary>The damage FFmpeg's error lines reported, clipped to <paramref name="framesDecoded"/>; read after <see cref="WaitForEnd"/>.</summary>
    public DecodeDamage Damage(int framesDecoded) => _damage.Build(framesDecoded);

    /// <summary>Waits for the reader thread (the caller has ended FFmpeg, so stderr is closing), then releases the queue.</summary>
    public void Dispose()
    {
        _thread.Join();
        _timestamps.Dispose();
    }

    /// <summary>Parses one stderr line; internal so tests can feed lines without a process.</summary>
    internal void Accept(string line)
    {
        var match = LinePattern().Match(line);
        if (!match.Success)
        {
            return;
        }

        var context = match.Groups["context"].Value;
        var level = match.Groups["level"].Value;
        var text = match.Groups["text"].Value;
        if (context.StartsWith("Parsed_showinfo", StringComparison.Ordinal))
        {
            AcceptShowInfo(text);
            return;
        }

        if (level is "error" or "fatal" or "panic")
        {
            _damage.Mark(_framesSeen, _framesSeen + _framesInFlight - 1, context.Length > 0 ? $"{context}: {text}" : text);
        }

        if (level is "warning" or "error" or "fatal" or "panic")
        {
            lock (_messages)
            {
                _messages.Enqueue(context.Length > 0 ? $"{context}: {text}" : text);
                while (_messages.Count > MaxMessages)
                {
                    _messages.Dequeue();
                }
            }
        }
    }

    /// <summary>Marks the end of the timestamps (stderr closed).</summary>
    internal void Complete() => _timestamps.CompleteAdding();

    private void AcceptShowInfo(string text)
    {
        var config = TimeBasePattern().Match(text);
        if (config.Success)
        {
            Interlocked.Exchange(ref _timeBaseNumerator, long.Parse(config.Groups[1].Value, CultureInfo.InvariantCulture));
            Interlocked.Exchange(ref _timeBaseDenominator, long.Parse(config.Groups[2].Value, CultureInfo.InvariantCulture));
            return;
        }

        var frame = FramePattern().Match(text);
        if (frame.Success)
        {
            // "NOPTS" when the frame has no timestamp; the source then steps by the nominal rate.
            _framesSeen++;
            _timestamps.Add(long.TryParse(frame.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pts) ? pts : null);
        }
    }

    private void ReadAll()
    {
        try
        {
            while (_stderr.ReadLine() is { } line)
            {
                Accept(line);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe closed under us (the process was killed): there is nothing more to read.
        }
        finally
        {
            Complete();
        }
    }

    // "[Parsed_showinfo_2 @ 0x55d1] [info] n:   3 pts:   4004 pts_time:0.166833 ..." or "[error] Conversion failed!"
    [GeneratedRegex(@"^(?:\[(?<context>[^\]]+?)(?: @ 0x[0-9a-fA-F]+)?\] )?\[(?<level>[a-z]+)\] (?<text>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^config in time_base: (\d+)/(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex TimeBasePattern();

    [GeneratedRegex(@"^n:\s*\d+\s+pts:\s*(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex FramePattern();
}
