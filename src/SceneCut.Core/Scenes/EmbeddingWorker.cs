using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using OpenCvSharp;
using SceneCut.Embeddings;

namespace SceneCut.Scenes;

/// <summary>
/// Runs the CNN on a thread of its own, so decoding and shot detection go on while a batch of shot pictures is embedded:
/// FFmpeg rarely keeps both cores busy, and the CNN fills what it leaves. A few batches may wait (bounded, so memory
/// stays flat); a failure in the CNN surfaces on the caller's thread at the next call.
/// </summary>
internal sealed class EmbeddingWorker : IDisposable
{
    // Batches waiting for the CNN before the decoder waits for it: enough to ride out a burst of short shots.
    private const int MaxWaitingBatches = 4;

    private readonly IFrameEmbedder _embedder;
    private readonly BlockingCollection<IReadOnlyList<(int Start, Mat Image)>> _waiting = new(MaxWaitingBatches);
    private readonly ConcurrentDictionary<int, float[]> _embeddings = new();
    private readonly Stopwatch _busy = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly Thread _thread;
    private ExceptionDispatchInfo? _failure;

    public EmbeddingWorker(IFrameEmbedder embedder)
    {
        _embedder = embedder;
        _thread = new Thread(Run) { IsBackground = true, Name = "scene CNN" };
        _thread.Start();
    }

    /// <summary>Time the CNN has spent so far.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_busy)
            {
                return _busy.Elapsed;
            }
        }
    }

    /// <summary>Shots embedded so far.</summary>
    public int Count => _embeddings.Count;

    /// <summary>Queues pictures to embed, keyed by their shot's first frame; the worker disposes them. Waits while the queue is full.</summary>
    public void Post(IReadOnlyList<(int Start, Mat Image)> batch)
    {
        _failure?.Throw();
        _waiting.Add(batch);
    }

    /// <summary>Waits for every queued picture and returns all embeddings by shot start.</summary>
    public IReadOnlyDictionary<int, float[]> Finish()
    {
        _waiting.CompleteAdding();
        _thread.Join();
        _failure?.Throw();
        return _embeddings;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Abandoned mid-video (cancelled, or decoding failed): do not embed what is still queued.
        _abandon.Cancel();
        if (!_waiting.IsAddingCompleted)
        {
            _waiting.CompleteAdding();
        }

        _thread.Join();
        foreach (var batch in _waiting)
        {
            Release(batch);
        }

        _waiting.Dispose();
        _abandon.Dispose();
    }

    private void Run()
    {
        foreach (var batch in _waiting.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null && !_abandon.IsCancellationRequested)
                {
                    Embed(batch);
                }
            }
            catch (Exception ex)
            {
                _failure = ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                Release(batch);
            }
        }
    }

    private void Embed(IReadOnlyList<(int Start, Mat Image)> batch)
    {
        lock (_busy)
        {
            _busy.Start();
        }

        float[][] vectors;
        // The embedder is shared by every analysis in the process and serves one call at a time.
        lock (_embedder)
        {
            vectors = _embedder.Embed(batch.Select(p => p.Image).ToList());
        }

        lock (_busy)
        {
            _busy.Stop();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            _embeddings[batch[i].Start] = vectors[i];
        }
    }

    private static void Release(IReadOnlyList<(int Start, Mat Image)> batch)
    {
        foreach (var (_, image) in batch)
        {
            image.Dispose();
        }
    }
}
