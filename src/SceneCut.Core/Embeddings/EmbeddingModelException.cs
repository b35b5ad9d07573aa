namespace SceneCut.Embeddings;

/// <summary>
/// The configured embedding model cannot be used (missing file, not ONNX, wrong input or output). Thrown when the
/// embedder is created, so a bad configuration fails at start-up; the message says what was expected and what was found.
/// </summary>
public sealed class EmbeddingModelException : Exception
{
    public EmbeddingModelException(string message)
        : base(message)
    {
    }

    public EmbeddingModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
