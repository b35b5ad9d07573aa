using System.Collections.Concurrent;
using SceneCut.Embeddings;

namespace SceneCut.Scenes;

/// <summary>
/// Loads the CNN and the scene model once per process and configuration: a worker analysing thousands of files must
/// not pay a model load per file. The CNN serves one call at a time (<see cref="IFrameEmbedder"/>), so callers lock it.
/// </summary>
internal static class SharedModels
{
    private static readonly ConcurrentDictionary<string, Lazy<IFrameEmbedder>> Embedders = new();
    private static readonly ConcurrentDictionary<string, Lazy<SceneModel>> SceneModels = new();

    /// <summary>The embedder for <paramref name="options"/>; created on first use.</summary>
    public static IFrameEmbedder Embedder(EmbeddingOptions options, Action<string>? warn) =>
        Embedders.GetOrAdd(Key(options), _ => new Lazy<IFrameEmbedder>(() => FrameEmbedder.Create(options, warn))).Value;

    /// <summary>The scene model for <paramref name="options"/>; loaded on first use.</summary>
    public static SceneModel SceneModel(SceneOptions options) =>
        SceneModels.GetOrAdd(
            $"{options.ResolveModelPath()}|{options.WindowShots}|{options.OverlapShots}",
            _ => new Lazy<SceneModel>(() => Scenes.SceneModel.Load(options.ResolveModelPath(), options.WindowShots, options.OverlapShots))).Value;

    // Everything that changes the embedder's behaviour belongs in the key.
    private static string Key(EmbeddingOptions o) => string.Join('|',
        o.ModelPath, o.InputWidth, o.InputHeight, o.Layout, o.ChannelOrder, o.PixelScale, string.Join(',', o.EffectiveMean), string.Join(',', o.EffectiveStd),
        o.ResizeMode, o.InputName, o.OutputName, o.BatchSize, o.IntraOpThreads, o.GraphOptimization, o.ExecutionProvider, o.DeviceId);
}
