namespace SceneCut.Embeddings;

/// <summary>Creates the configured <see cref="IFrameEmbedder"/>.</summary>
public static class FrameEmbedder
{
    /// <summary>
    /// Loads and checks the ONNX model of <paramref name="options"/> once; keep the embedder for the whole run.
    /// <paramref name="warn"/> hears what differs from the configuration (a missing GPU provider, batching off).
    /// </summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    /// <exception cref="EmbeddingModelException">The model is missing or does not fit the options.</exception>
    public static IFrameEmbedder Create(EmbeddingOptions options, Action<string>? warn = null) =>
        OnnxFrameEmbedder.Create(options, warn);
}
