using OpenCvSharp;
using SceneCut.Embeddings;
using SceneCut.Shots;

namespace SceneCut.Scenes;

/// <summary>
/// Embeds one frame per shot while the video streams: keeps sample copies (<see cref="ShotSampler"/>), and as soon as
/// the shot detector declares a shot final, hands the copy nearest its middle to the CNN (<see cref="EmbeddingWorker"/>,
/// on its own thread), in small batches.
/// </summary>
public sealed class ShotEmbeddingCollector : IDisposable
{
    // Shots embedded together: batching pays on the CPU, and a few shots of delay cost nothing.
    private const int Batch = 4;

    private readonly EmbeddingWorker _worker;
    private readonly ShotSampler _sampler;
    private readonly List<(int Start, Mat Image)> _pending = [];
    private int _nextShotStart;
    private int _boundariesSeen;

    /// <param name="embedder">The CNN.</param>
    /// <param name="everyFrames">Frames between the samples the frame source hands over (<see cref="Video.FrameSampling.EveryFrames"/>).</param>
    /// <param name="options">Sample count and size.</param>
    public ShotEmbeddingCollector(IFrameEmbedder embedder, int everyFrames, SceneOptions options)
    {
        _sampler = new ShotSampler(everyFrames, options.MaxSamples, options.SampleShortSide);
        _worker = new EmbeddingWorker(embedder);
    }

    /// <summary>Time spent in the CNN so far.</summary>
    public TimeSpan EmbeddingTime => _worker.Elapsed;

    /// <summary>Shots embedded so far.</summary>
    public int EmbeddedShots => _worker.Count;

    /// <summary>Offers a decoded frame's sample picture (BGR, any size; shrunk to the sample size when larger).</summary>
    public void Offer(int index, Mat bgr) => _sampler.Offer(index, bgr);

    /// <summary>Queues for the CNN the shots that the detector has declared final since the last call.</summary>
    public void Advance(IReadOnlyList<int> finalBoundaries)
    {
        for (; _boundariesSeen < finalBoundaries.Count; _boundariesSeen++)
        {
            var boundary = finalBoundaries[_boundariesSeen];
            Hold(_nextShotStart, _sampler.TakeForShot(_nextShotStart, boundary - 1));
            _nextShotStart = boundary;
        }

        if (_pending.Count >= Batch)
        {
            PostPending();
        }
    }

    /// <summary>The stream ended: embeds the remaining shots and returns every shot's embedding by its first frame.</summary>
    public IReadOnlyDictionary<int, float[]> Complete(IReadOnlyList<Shot> shots)
    {
        foreach (var shot in shots.Where(s => s.StartFrame >= _nextShotStart))
        {
            Hold(shot.StartFrame, _sampler.TakeForShot(shot.StartFrame, shot.EndFrame));
        }

        PostPending();
        return _worker.Finish();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, image) in _pending)
        {
            image.Dispose();
        }

        _pending.Clear();
        _worker.Dispose();
        _sampler.Dispose();
    }

    // A shot without any sample (the video ended before one was taken) simply has no embedding.
    private void Hold(int shotStart, Mat? image)
    {
        if (image is not null)
        {
            _pending.Add((shotStart, image));
        }
    }

    private void PostPending()
    {
        if (_pending.Count > 0)
        {
            _worker.Post(_pending.ToList());
            _pending.Clear();
        }
    }
}
