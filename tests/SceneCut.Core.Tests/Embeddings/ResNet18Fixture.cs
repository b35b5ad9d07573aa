using SceneCut.Embeddings;

namespace SceneCut.Tests.Embeddings;

/// <summary>The shipped ResNet18 embedder with default options, created once per test class (loading it takes ~1 s).</summary>
public sealed class ResNet18Fixture : IDisposable
{
    public ResNet18Fixture()
    {
        Embedder = OnnxFrameEmbedder.Create(new EmbeddingOptions(), warn: null);
    }

    /// <summary>The default embedder (batched).</summary>
    internal OnnxFrameEmbedder Embedder { get; }

    /// <summary>The folder the build copies the NuGet model files into.</summary>
    public static string ModelsFolder => Path.Combine(AppContext.BaseDirectory, "models");

    public void Dispose() => Embedder.Dispose();
}
