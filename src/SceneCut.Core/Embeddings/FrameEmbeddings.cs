namespace SceneCut.Embeddings;

/// <summary>The vectors of some frames of one video, in frame order: what the cache stores and the scene model reads.</summary>
/// <param name="FrameIndices">0-based decode-order index of each embedded frame.</param>
/// <param name="Seconds">Presentation time of each embedded frame.</param>
/// <param name="Vectors">One unit-length vector per frame, all of the same length.</param>
public sealed record FrameEmbeddings(IReadOnlyList<int> FrameIndices, IReadOnlyList<double> Seconds, IReadOnlyList<float[]> Vectors)
{
    /// <summary>Vector length (0 when there are no frames).</summary>
    public int Dimension => Vectors.Count == 0 ? 0 : Vectors[0].Length;

    /// <summary>Number of embedded frames.</summary>
    public int Count => Vectors.Count;

    /// <summary>Throws <see cref="ArgumentException"/> when the lists disagree in length or the vectors in size.</summary>
    public void Validate()
    {
        if (FrameIndices.Count != Vectors.Count || Seconds.Count != Vectors.Count)
        {
            throw new ArgumentException($"embeddings must have one index and one time per vector, found {FrameIndices.Count} indices, {Seconds.Count} times, {Vectors.Count} vectors");
        }

        if (Vectors.Any(v => v.Length != Dimension))
        {
            throw new ArgumentException($"embedding vectors must all have length {Dimension}");
        }
    }
}
