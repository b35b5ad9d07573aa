using Microsoft.ML.OnnxRuntime;
using SceneCut.Embeddings;
using SceneCut.Pipeline;
using SceneCut.Recurrent.Onnx;
using SceneCut.Scenes;
using SceneCut.Scenes.Training;

namespace SceneCut.Tests.Scenes;

/// <summary>
/// The committed scene model (an ensemble: every member in one graph, their mean inside it) exported to ONNX gives what
/// our core gives, on features of real footage.
/// </summary>
public sealed class SceneModelOnnxTests
{
    [SharedDataFact]
    public void ExportOnnx_CommittedModel_OnnxRuntimeMatchesOnRealEpisodes()
    {
        using var cache = new TempFolder();
        var options = new PipelineOptions();
        using var embedder = FrameEmbedder.Create(options.Embeddings);
        var indexer = new FootageIndexer(embedder, options, cache.Path);
        var sources = new[] { "Megamind.avi", "issue-236-split-copy.mkv", "realshort.mp4" }
            .Select(name => indexer.Index(SharedData.Clip(name), CancellationToken.None))
            .ToList();
        var episodes = new SceneModelTrainer(new SceneTrainingOptions()).Episodes(sources, 2, seed: 5);
        var model = SceneModel.Load(Path.Combine(AppContext.BaseDirectory, SceneDefaults.ModelPath), SceneDefaults.WindowShots, SceneDefaults.OverlapShots).Ensemble;
        var features = episodes.Select(e => SceneFeatures.Build(e.Shots)).ToList();
        using var graph = new MemoryStream();
        // The default model is the mean of 3 networks (models/README.md): the graph must hold all of them.
        Assert.Equal(3, model.Members.Count);

        model.ExportOnnx(graph);

        // One batch of both episodes: the shorter one is padded and its length given in sequence_lens.
        var steps = features.Max(f => f.Length);
        var input = new float[features.Count * steps * SceneFeatures.Size];
        for (var b = 0; b < features.Count; b++)
        {
            for (var t = 0; t < features[b].Length; t++)
            {
                features[b][t].CopyTo(input, ((b * steps) + t) * SceneFeatures.Size);
            }
        }

        using var session = new InferenceSession(graph.ToArray());
        using var x = OrtValue.CreateTensorValueFromMemory(input, [features.Count, steps, SceneFeatures.Size]);
        using var lengths = OrtValue.CreateTensorValueFromMemory(features.Select(f => f.Length).ToArray(), [features.Count]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [OnnxExporter.InputName, OnnxExporter.LengthsName], [x, lengths], [OnnxExporter.ScoresName]);
        var scores = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        var worst = 0.0;
        for (var b = 0; b < features.Count; b++)
        {
            var ours = model.Predict(features[b]);
            Assert.True(ours.Length >= 4, $"episode {b} has only {ours.Length} shots");
            for (var t = 0; t < ours.Length; t++)
            {
                worst = Math.Max(worst, Math.Abs(ours[t] - scores[(b * steps) + t]));
            }
        }

        Assert.True(worst <= 1e-4, $"max |ours − ONNX Runtime| = {worst:E2}");
    }
}
