using System.Collections.Concurrent;
using OpenCvSharp;

namespace SceneCut.Video.Libav;

/// <summary>
/// Decodes on a thread of its own, up to a fixed number of pictures ahead of the consumer. Frame-threaded decoding
/// needs its packets fed steadily: when the thread that feeds it also ran the shot features and handed samples to the
/// CNN, FFmpeg's decoder threads sat idle in between (measured: 1.56 of 2 cores busy). Here that thread only decodes and
/// makes the pictures (<see cref="LibavPictures"/>), into reusable slots, while the frame loop works on earlier ones.
/// </summary>
internal sealed class LibavReadAhead : IDisposable
{
    private readonly LibavDecoder _decoder;
    private readonly LibavPictures _pictures;
    private readonly int _sampleEveryFrames;
    private readonly Size _sampleSize;
    private readonly DecodedPicture[] _slots;
    private readonly BlockingCollection<DecodedPicture> _free;
    private readonly BlockingCollection<DecodedPicture> _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private DecodedPicture? _held;
    private Exception? _failure;
    private bool _disposed;

    /// <summary>Starts decoding <paramref name="decoder"/>'s frames into <paramref name="capacity"/> slots; every <paramref name="sampleEveryFrames"/>-th frame (0: none) also gets a sample.</summary>
    public LibavReadAhead(LibavDecoder decoder, LibavPictures pictures, Size analysisSize, Size sampleSize, int sampleEveryFrames, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _decoder = decoder;
        _pictures = pictures;
        _sampleSize = sampleSize;
        _sampleEveryFrames = sampleEveryFrames;
        _slots = new DecodedPicture[capacity];
        _free = new BlockingCollection<DecodedPicture>(capacity);
        _ready = new BlockingCollection<DecodedPicture>(capacity);
        for (var i = 0; i < capacity; i++)
        {
            _slots[i] = new DecodedPicture(analysisSize);
            _free.Add(_slots[i]);
        }

        _thread = new Thread(DecodeAll) { IsBackground = true, Name = "ffmpeg decode" };
        _thread.Start();
    }

    /// <summary>The decoding thread (tests check it has ended once the source is done).</summary>
    public Thread Thread => _thread;

    /// <summary>
    /// The next decoded picture, valid until the next call; null at the end of the stream. Rethrows what stopped the
    /// decoding thread; cancellation throws.
    /// </summary>
    public DecodedPicture? Next(CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            _free.Add(_held, CancellationToken.None);
            _held = null;
        }

        try
        {
            if (_ready.TryTake(out var slot, Timeout.Infinite, cancellationToken))
            {
                _held = slot;
                return slot;
            }
        }
        catch (InvalidOperationException)
        {
            // Completed while waiting: decoding ended.
        }

        return _failure is { } failure ? throw new InvalidOperationException($"Decoding failed: {failure.Message}", failure) : null;
    }

    /// <summary>Stops the decoding thread and waits for it, so the decoder can be freed after.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _thread.Join();
        foreach (var slot in _slots)
        {
            slot.Dispose();
        }

        _free.Dispose();
        _ready.Dispose();
        _stop.Dispose();
    }

    private void DecodeAll()
    {
        try
        {
            var index = 0;
            while (_free.TryTake(out var slot, Timeout.Infinite, _stop.Token))
            {
                var frame = _decoder.Next(_stop.Token);
                if (frame == 0)
                {
                    break;
                }

                slot.Timestamp = LibavPictures.Timestamp(frame);
                _pictures.Analysis(frame, slot.Analysis);
                slot.HasSample = _sampleEveryFrames > 0 && index % _sampleEveryFrames == 0;
                if (slot.HasSample)
                {
                    _pictures.Sample(frame, slot.SampleBuffer(_sampleSize));
                }

                _ready.Add(slot, _stop.Token);
                index++;
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
