using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace SceneCut.Video.Libav;

/// <summary>
/// FFmpeg's own warnings and errors while a <see cref="LibavFrameSource"/> decodes. The libraries log through one
/// process-wide callback (from the decoder's own threads too), so each source opens a listener for its decoding and the
/// callback hands every message to the open listeners. Without the callback FFmpeg would print to our stderr.
/// Two files decoding at once in one process both see each other's messages; they name their context, e.g. <c>h264</c>.
/// </summary>
internal sealed class LibavLog : IDisposable
{
    // FFmpeg's own messages are kept to the most recent ones: the cause of a failure is at the end.
    private const int MaxMessages = 12;
    private const int LineBytes = 1024;

    private static readonly Lock ListenersLock = new();
    private static LibavLog[] s_listeners = [];

    private readonly Queue<string> _messages = new();

    private LibavLog()
    {
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

    /// <inheritdoc />
    public void Dispose()
    {
        lock (ListenersLock)
        {
            s_listeners = [.. s_listeners.Where(l => l != this)];
        }
    }

    /// <summary>Routes FFmpeg's log to the listeners (once per process, by <see cref="LibavLibraries"/>).</summary>
    public static unsafe void Install() => LibavNative.SetLogCallback(&OnMessage);

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

        foreach (var listener in listeners)
        {
            listener.Add(text);
        }
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
        line = line.Trim();
        if (line.StartsWith('[') && line.IndexOf(']') is > 0 and var close)
        {
            var context = line[1..close];
            var at = context.IndexOf(" @ ", StringComparison.Ordinal);
            return $"{(at >= 0 ? context[..at] : context)}: {line[(close + 1)..].Trim()}";
        }

        return line;
    }
}
