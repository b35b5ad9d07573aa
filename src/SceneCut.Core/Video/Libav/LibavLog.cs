using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SceneCut.Video.Libav;

/// <summary>
/// FFmpeg's own warnings and errors while a <see cref="LibavFrameSource"/> decodes. The libraries log through one
/// process-wide callback (from the decoder's own threads too), so each source opens a listener for its decoding and the
/// callback hands every message to the open listeners. Without the callback FFmpeg would print to our stderr.
/// A message is routed to its own file by its context: a decoder's context carries the listener's <see cref="Key"/> in
/// its <c>opaque</c> field (FFmpeg copies it into each frame thread's context), a demuxer's is the listener's
/// <see cref="Format"/>. Messages from any other context (e.g. the probing decoders of <c>avformat_find_stream_info</c>)
/// go to every open listener's <see cref="Messages"/> but never count as a file's <see cref="TryTakeError"/>.
/// </summary>
internal sealed class LibavLog : IDisposable
{
    // FFmpeg's own messages are kept to the most recent ones: the cause of a failure is at the end.
    private const int MaxMessages = 12;
    private const int LineBytes = 1024;

    private static readonly Lock ListenersLock = new();
    private static LibavLog[] s_listeners = [];
    private static long s_nextKey;
    private static nint s_codecContextClass;

    private readonly Queue<string> _messages = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private nint _format;

    private LibavLog()
    {
        Key = (nint)Interlocked.Increment(ref s_nextKey);
    }

    /// <summary>The value a decoder of this file stores in its context's <c>opaque</c> field so its messages come here.</summary>
    public nint Key { get; }

    /// <summary>The file's <c>AVFormatContext*</c>, once open: the demuxer's messages name it as their context.</summary>
    public nint Format
    {
        get => Volatile.Read(ref _format);
        set => Volatile.Write(ref _format, value);
    }

    /// <summary>Starts collecting messages until disposed.</summary>
    public static LibavLog Listen()
    {
        var log = new LibavLog();
        lock (ListenersLock)
        {
            s_listeners = [.. s_listeners, log];
        }

        return log;
    }

    /// <summary>The warnings and errors so far, most recent last.</summary>
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

    /// <summary>
    /// Takes the next error-level message of this file's own decoder or demuxer not taken yet (damage to report), in the
    /// order FFmpeg logged them.
    /// </summary>
    public bool TryTakeError(out string message) => _errors.TryDequeue(out message!);

    /// <inheritdoc />
    public void Dispose()
    {
        lock (ListenersLock)
        {
            s_listeners = [.. s_listeners.Where(l => l != this)];
        }
    }

    /// <summary>Routes FFmpeg's log to the listeners (once per process, by <see cref="LibavLibraries"/>).</summary>
    public static unsafe void Install()
    {
        s_codecContextClass = (nint)LibavNative.CodecContextClass();
        LibavNative.SetLogCallback(&OnMessage);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe void OnMessage(void* context, int level, byte* format, void* arguments)
    {
        // Informational and debug lines are dropped before any formatting: they come per frame.
        if (level > LibavNative.LogWarning || Volatile.Read(ref s_listeners) is not { Length: > 0 } listeners)
        {
            return;
        }

        var line = stackalloc byte[LineBytes];
        var printPrefix = 1;
        // av_log_format_line2 expands the printf format with the caller's va_list and prefixes "[h264 @ 0x…] ".
        var length = LibavNative.FormatLogLine(context, level, format, arguments, line, LineBytes, &printPrefix);
        if (length <= 0)
        {
            return;
        }

        var text = Tidy(Encoding.UTF8.GetString(line, Math.Min(length, LineBytes - 1)));
        if (text.Length == 0)
        {
            return;
        }

        if (Owner(context, listeners) is { } owner)
        {
            owner.Add(text);
            if (level <= LibavNative.LogError)
            {
                owner._errors.Enqueue(text);
            }

            return;
        }

        foreach (var listener in listeners)
        {
            listener.Add(text);
        }
    }

    // Every context av_log is given starts with its AVClass*: a decoder's (frame threads' copies included) carries the
    // listener's key in opaque; the demuxer's is the format context itself.
    private static unsafe LibavLog? Owner(void* context, LibavLog[] listeners)
    {
        if (context is null)
        {
            return null;
        }

        var isDecoder = *(nint*)context == s_codecContextClass;
        var key = isDecoder ? LibavNative.Read<nint>(context, LibavNative.CodecContextOpaque) : 0;
        foreach (var listener in listeners)
        {
            if (isDecoder ? listener.Key == key : listener.Format == (nint)context)
            {
                return listener;
            }
        }

        return null;
    }

    private void Add(string message)
    {
        lock (_messages)
        {
            _messages.Enqueue(message);
            while (_messages.Count > MaxMessages)
            {
                _messages.Dequeue();
            }
        }
    }

    // "[h264 @ 0x55d…] error while decoding MB 3 4\n" → "h264: error while decoding MB 3 4", as the program source words it.
    private static string Tidy(string line)
    {
        // One message can span lines ("Could not find codec parameters …\nConsider increasing …"): it stays one line in
        // errors, warnings and batch progress.
        line = string.Join("; ", line.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (line.StartsWith('[') && line.IndexOf(']') is > 0 and var close)
        {
            var context = line[1..close];
            var at = context.IndexOf(" @ ", StringComparison.Ordinal);
            return $"{(at >= 0 ? context[..at] : context)}: {line[(close + 1)..].Trim()}";
        }

        return line;
    }
}
