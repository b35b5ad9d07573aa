using System.Collections.Concurrent;

namespace SceneCut.Video.Libav;

/// <summary>
/// Decodes on a thread of its own, up to a fixed number of frames ahead of the consumer. Frame-threaded decoding needs
/// its packets fed steadily: when the thread that feeds it also scaled pictures, ran the shot features and handed
/// samples to the CNN, FFmpeg's decoder threads sat idle in between. This thread only demuxes, decodes and passes on a
/// new reference to each decoded frame (no pixel is copied); the consumer scales what it needs from it and the frame's
/// buffer returns to the decoder when the consumer moves on. Memory: at most <c>capacity</c> decoded frames held.
/// </summary>
internal sealed unsafe class LibavReadAhead : IDisposable
{
    private readonly LibavDecoder _decoder;
    private readonly BlockingCollection<nint> _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private nint _held;
    private Exception? _failure;
    private bool _disposed;

    /// <summary>Starts decoding <paramref name="decoder"/>'s frames, at most <paramref name="capacity"/> ahead.</summary>
    public LibavReadAhead(LibavDecoder decoder, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _decoder = decoder;
        _ready = new BlockingCollection<nint>(capacity);
        _thread = new Thread(DecodeAll) { IsBackground = true, Name = "ffmpeg decode" };
        _thread.Start();
    }

    /// <summary>The decoding thread (tests check it has ended once the source is done).</summary>
    public Thread Thread => _thread;

    /// <summary>
    /// The next decoded frame (an <c>AVFrame*</c>), valid until the next call; 0 at the end of the stream. Rethrows what
    /// stopped the decoding thread; cancellation throws.
    /// </summary>
    public nint Next(CancellationToken cancellationToken)
    {
        Release(ref _held);
        try
        {
            if (_ready.TryTake(out var frame, Timeout.Infinite, cancellationToken))
            {
                _held = frame;
                return frame;
            }
        }
        catch (InvalidOperationException)
        {
            // Completed while waiting: decoding ended.
        }

        return _failure is { } failure ? throw new InvalidOperationException($"Decoding failed: {failure.Message}", failure) : 0;
    }

    /// <summary>Stops the decoding thread, waits for it and returns every frame still held to the decoder.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _thread.Join();
        Release(ref _held);
        while (_ready.TryTake(out var frame))
        {
            Release(ref frame);
        }

        _ready.Dispose();
        _stop.Dispose();
    }

    private static void Release(ref nint frame)
    {
        if (frame != 0)
        {
            var pointer = (void*)frame;
            LibavNative.FreeFrame(&pointer);
            frame = 0;
        }
    }

    private void DecodeAll()
    {
        try
        {
            while (true)
            {
                var frame = _decoder.Next(_stop.Token);
                if (frame == 0)
                {
                    break;
                }

                // A new reference to the same buffers: the decoder reuses its own frame for the next one.
                var reference = (nint)LibavNative.CloneFrame((void*)frame);
                if (reference == 0)
                {
                    throw new OutOfMemoryException("FFmpeg could not reference a decoded frame");
                }

                try
                {
                    _ready.Add(reference, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    Release(ref reference);
                    throw;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The consumer is disposing.
        }
        catch (Exception ex)
        {
            // Handed to the consumer at its next Next(): nothing escapes on this thread.
            _failure = ex;
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }
}
