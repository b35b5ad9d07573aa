using System.Diagnostics;
using OpenCvSharp;
using SceneCut.Embeddings;
using SceneCut.Shots;

namespace SceneCut.Scenes;

/// <summary>
/// Embeds one frame per shot while the video streams: keeps frame copies (<see cref="ShotSampler"/>), and as soon as
/// the shot detector declares a shot final, embeds the copy nearest its middle, in small batches.
/// </summary>
public sealed class ShotEmbeddingCollector : IDisposable
{
    // Shots embedded together: batching pays on the CPU, and a few shots of delay cost nothing.
    private const int Batch = 4;

    private readonly IFrameEmbedder _embedder;
    private readonly ShotSampler _sampler;
    private readonly List<(int Start, Mat? Image)> _pending = [];
    private readonly Dictionary<int, float[]> _embeddings = [];
    private readonly Stopwatch _embedding = new();
    private int _nextShotStart;
    private int _boundariesSeen;

    public ShotEmbeddingCollector(IFrameEmbedder embedder, SceneOptions options, double fps)
    {
        _embedder = embedder;
        var everyFrames = Math.Max(1, (int)Math.Round(options.SampleSeconds * (fps > 0 ? fps : ShotDetectionDefaults.FallbackFps)));
        _sampler = new ShotSampler(everyFrames, options.MaxSamples, options.SampleShortSide);
    }

    /// <summary>Time spent in the CNN so far.</summary>
    public TimeSpan EmbeddingTime => _embedding.Elapsed;

    /// <summary>Shots embedded so far.</summary>
    public int EmbeddedShots => _embeddings.Count;

    /// <summary>Offers a decoded frame (full-size BGR).</summary>
    public void Offer(int index, Mat bgr) => _sampler.Offer(index, bgr);

    /// <summary>Embeds the shots that the detector has declared final since the last call.</summary>
    public void Advance(IReadOnlyList<int> finalBoundaries)
    {
        for (; _boundariesSeen < finalBoundaries.Count; _boundariesSeen++)
        {
            var boundary = finalBoundaries[_boundariesSeen];
            _pending.Add((_nextShotStart, _sampler.TakeForShot(_nextShotStart, boundary - 1)));
            _nextShotStart = boundary;
        }

        if (_pending.Count >= Batch)
        {
            EmbedPending();
        }
    }

    /// <summary>The stream ended: embeds the remaining shots and returns every shot's embedding by its first frame.</summary>
    public IReadOnlyDictionary<int, float[]> Complete(IReadOnlyList<Shot> shots)
    {
        foreach (var shot in shots.Where(s => s.StartFrame >= _nextShotStart))
        {
            _pending.Add((shot.StartFrame, _sampler.TakeForShot(shot.StartFrame, shot.EndFrame)));
        }

        EmbedPending();
        return _embeddings;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, image) in _pending)
        {
            image?.Dispose();
        }

        _sampler.Dispose();
    }

    private void EmbedPending()
    {
        var withImages = _pending.Where(p => p.Image is not null).ToList();
        if (withImages.Count > 0)
        {
            _embedding.Start();
            float[][] vectors;
            // The embedder is shared by every analysis in the process and serves one call at a time.
            lock (_embedder)
            {
                vectors = _embedder.Embed(withImages.Select(p => p.Image!).ToList());
            }

            _embedding.Stop();
            for (var i = 0; i < withImages.Count; i++)
            {
                _embeddings[withImages[i].Start] = vectors[i];
            }
        }

        foreach (var (_, image) in _pending)
        {
            image?.Dispose();
        }

        _pending.Clear();
    }
}
