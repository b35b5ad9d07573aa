using System.Collections.Concurrent;
using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// Reads fixed-size raw BGR pictures from a stream on a thread of its own, up to <c>capacity</c> pictures ahead of the
/// consumer, into reusable buffers (each wrapped by a <see cref="Mat"/>, so the stream is read straight into the picture).
/// FFmpeg writes its two outputs from one thread: if the consumer stopped reading one while it waits on the other, FFmpeg
/// would block on the first and never write the second. Reading both ahead keeps either output from stalling the other.
/// </summary>
internal sealed class RawFrameReadAhead : IDisposable
{
    private readonly int _frameBytes;
    private readonly byte[][] _buffers;
    private readonly Mat[] _pictures;
    private readonly BlockingCollection<int> _free;
    private readonly BlockingCollection<int> _ready;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _reader;
    private int _held = -1;
    private bool _disposed;

    /// <summary>Buffers for <paramref name="capacity"/> pictures of <paramref name="size"/>.</summary>
    public RawFrameReadAhead(Size size, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _frameBytes = checked(size.Width * size.Height * 3);
        _buffers = new byte[capacity][];
        _pictures = new Mat[capacity];
        _free = new BlockingCollection<int>(capacity);
        _ready = new BlockingCollection<int>(capacity);
        for (var i = 0; i < capacity; i++)
        {
            _buffers[i] = new byte[_frameBytes];
            _pictures[i] = Mat.FromPixelData(size.Height, size.Width, MatType.CV_8UC3, _buffers[i]);
            _free.Add(i);
        }
    }

    /// <summary>
    /// Starts reading on a new thread: <paramref name="openStream"/> runs there first (it may block, e.g. accepting a
    /// connection) and returns the stream to read until it ends; a stream ending mid-picture drops the partial picture.
    /// </summary>
    public void Start(Func<Stream> openStream, string threadName)
    {
        ArgumentNullException.ThrowIfNull(openStream);
        _reader = new Thread(() => ReadAll(openStream)) { IsBackground = true, Name = threadName };
        _reader.Start();
    }

    /// <summary>
    /// The next picture, valid until the next call; null when the stream ended. Waits for the reader; cancellation throws.
    /// </summary>
    public Mat? Next(CancellationToken cancellationToken)
    {
        if (_held >= 0)
        {
            _free.Add(_held, CancellationToken.None);
            _held = -1;
        }

        try
        {
            if (!_ready.TryTake(out var slot, Timeout.Infinite, cancellationToken))
            {
                return null;
            }

            _held = slot;
            return _pictures[slot];
        }
        catch (InvalidOperationException)
        {
            // Completed while waiting: the stream ended.
            return null;
        }
    }

    /// <summary>
    /// Stops the reader and waits for it. The caller must first end what the reader may block on (kill the writer
    /// process, close the socket), because a blocking read cannot be cancelled.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _reader?.Join();
        foreach (var picture in _pictures)
        {
            picture.Dispose();
        }

        _free.Dispose();
        _ready.Dispose();
        _stop.Dispose();
    }

    private void ReadAll(Func<Stream> openStream)
    {
        try
        {
            using var stream = openStream();
            while (_free.TryTake(out var slot, Timeout.Infinite, _stop.Token))
            {
                if (stream.ReadAtLeast(_buffers[slot], _frameBytes, throwOnEndOfStream: false) < _frameBytes)
                {
                    break;
                }

                _ready.Add(slot, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            // The writer ended or never connected, or the consumer is disposing: the end of the pictures either way.
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }
}
