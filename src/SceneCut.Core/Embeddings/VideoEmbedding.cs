using OpenCvSharp;
using SceneCut.Video;

namespace SceneCut.Embeddings;

/// <summary>Embeds chosen frames of a video while it decodes, holding at most one batch of frame copies.</summary>
public static class VideoEmbedding
{
    // Frames copied before each embedder call: large enough for any batch size the embedder uses, small in memory.
    private const int FramesPerCall = 16;

    /// <summary>
    /// Decodes <paramref name="source"/> to the end and embeds every frame for which <paramref name="select"/> is true
    /// (given the frame's index), in frame order.
    /// </summary>
    public static FrameEmbeddings EmbedFrames(IFrameSource source, IFrameEmbedder embedder, Func<int, bool> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(embedder);
        ArgumentNullException.ThrowIfNull(select);
        var indices = new List<int>();
        var seconds = new List<double>();
        var vectors = new List<float[]>();
        var pending = new List<Mat>(FramesPerCall);
        try
        {
            foreach (var frame in source.ReadFrames(cancellationToken))
            {
                if (!select(frame.Index))
                {
                    continue;
                }

                // The source reuses its image for the next frame: keep a copy until the batch is embedded.
                pending.Add(frame.Image.Clone());
                indices.Add(frame.Index);
                seconds.Add(frame.Seconds);
                if (pending.Count == FramesPerCall)
                {
                    Flush(embedder, pending, vectors);
                }
            }

            Flush(embedder, pending, vectors);
        }
        finally
        {
            pending.ForEach(m => m.Dispose());
        }

        return new FrameEmbeddings(indices, seconds, vectors);
    }

    /// <summary>Embeds every <paramref name="step"/>-th frame of a video file, through <paramref name="cache"/> when given.</summary>
    public static FrameEmbeddings EmbedEvery(string videoPath, int step, IFrameEmbedder embedder, EmbeddingCache? cache, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        FrameEmbeddings Compute()
        {
            using var source = OpenCvFrameSource.Open(videoPath);
            return EmbedFrames(source, embedder, i => i % step == 0, cancellationToken);
        }

        if (cache is null)
        {
            return Compute();
        }

        var key = new EmbeddingCacheKey(VideoFingerprint.Compute(videoPath), embedder.ModelId, $"every:{step}");
        return cache.GetOrCreate(key, Compute);
    }

    private static void Flush(IFrameEmbedder embedder, List<Mat> pending, List<float[]> vectors)
    {
        if (pending.Count == 0)
        {
            return;
        }

        vectors.AddRange(embedder.Embed(pending));
        pending.ForEach(m => m.Dispose());
        pending.Clear();
    }
}
