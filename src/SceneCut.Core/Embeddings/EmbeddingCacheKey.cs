namespace SceneCut.Embeddings;

/// <summary>
/// What makes two sets of embeddings the same: the same video content, the same model (with its preprocessing) and
/// the same choice of frames. Any change gives another key, so an old entry is never mistaken for a current one.
/// </summary>
/// <param name="ContentFingerprint">The video's <see cref="VideoFingerprint"/> (content, not path or date).</param>
/// <param name="ModelId">The embedder's <see cref="IFrameEmbedder.ModelId"/>.</param>
/// <param name="Sampling">Which frames were embedded, e.g. <c>every:12</c> or <c>shots:first,middle,last;…</c>.</param>
public sealed record EmbeddingCacheKey(string ContentFingerprint, string ModelId, string Sampling)
{
    /// <summary>The key as one line: stored inside each entry and hashed into its file name.</summary>
    public override string ToString() => $"{ContentFingerprint}\n{ModelId}\n{Sampling}";
}
