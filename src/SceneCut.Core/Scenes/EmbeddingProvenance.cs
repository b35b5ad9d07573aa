using System.Globalization;
using SceneCut.Embeddings;

namespace SceneCut.Scenes;

/// <summary>
/// Which embeddings a scene model was trained on, saved in its file's metadata by <c>scenecut train</c>. The model reads
/// similarities of CNN vectors, so another CNN file, picture size or preprocessing changes what it sees: detection
/// compares the embeddings it makes with these and says so in the result when they differ.
/// </summary>
/// <param name="EmbedderId">The embedder's <see cref="IFrameEmbedder.ModelId"/>: CNN file hash plus every setting that changes the vectors.</param>
/// <param name="InputSize">The CNN's picture size, <c>W×H</c>, for people reading the warning.</param>
public sealed record EmbeddingProvenance(string EmbedderId, string InputSize)
{
    private const string EmbedderIdKey = "scenecut.embeddings.id";
    private const string InputSizeKey = "scenecut.embeddings.inputSize";

    /// <summary>What <paramref name="embedder"/>, configured by <paramref name="options"/>, makes.</summary>
    public static EmbeddingProvenance Of(IFrameEmbedder embedder, EmbeddingOptions options) =>
        new(embedder.ModelId, string.Create(CultureInfo.InvariantCulture, $"{options.InputWidth}×{options.InputHeight}"));

    /// <summary>The provenance saved in a model file's metadata, or null for files written without it (before format version 3).</summary>
    public static EmbeddingProvenance? FromMetadata(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(EmbedderIdKey, out var id)
            ? new EmbeddingProvenance(id, metadata.TryGetValue(InputSizeKey, out var size) ? size : "unknown size")
            : null;

    /// <summary>The metadata entries to save with a model trained on these embeddings.</summary>
    public IReadOnlyDictionary<string, string> ToMetadata() => new Dictionary<string, string>
    {
        [EmbedderIdKey] = EmbedderId,
        [InputSizeKey] = InputSize,
    };

    /// <summary>A warning for a run whose embeddings are not the ones the model at <paramref name="modelPath"/> was trained on, or null.</summary>
    public string? MismatchWarning(EmbeddingProvenance current, string modelPath) =>
        current.EmbedderId == EmbedderId
            ? null
            : $"the scene model ({modelPath}) was trained on the embeddings of {EmbedderId} at {InputSize}, and this run makes those of " +
              $"{current.EmbedderId} at {current.InputSize} (SceneCut:Embeddings: another CNN file, picture size or preprocessing): its probabilities, " +
              "scenes and ad slots are not what it was measured for. Retrain it with these settings (`scenecut train`, models/README.md) and set " +
              "SceneCut:Scenes:ModelPath, or go back to the settings it was trained with.";
}
