using OpenCvSharp;
using SceneCut.Pipeline;
using SceneCut.Scenes;
using SceneCut.Synthetic;
using SceneCut.Testing;

namespace SceneCut.Tests.Scenes;

public sealed class SceneStageTests
{
    private static ShotSummary Shot(bool black) => new(0, 1, null, black, [1f]);

    [Fact]
    public void BlackShotsOpenScenes_LeadingBlackFrame_NoSceneOfItsOwn()
    {
        var p = SceneStage.BlackShotsOpenScenes([Shot(true), Shot(false), Shot(false)], [1.0, 0.96, 0.01]);

        Assert.Equal([1.0, 0.0, 0.01], p);
    }

    [Fact]
    public void BlackShotsOpenScenes_BlackBetweenFades_BoundaryMovesToTheBlack()
    {
        var p = SceneStage.BlackShotsOpenScenes([Shot(false), Shot(true), Shot(false)], [1.0, 0.2, 0.9]);

        Assert.Equal([1.0, 0.9, 0.0], p);
    }

    [Fact]
    public async Task Detect_SceneModelOnOtherEmbeddingsThanItWasTrainedOn_WarnsInTheResult_SameEmbeddingsDoNot()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        SyntheticClip.Write(path, [new(21, 30), new(22, 30)], [SyntheticTransition.Cut], new Size(320, 180), fps: 25);
        var smaller = new PipelineOptions();
        smaller.Embeddings.InputWidth = 128;
        smaller.Embeddings.InputHeight = 128;

        var defaults = await ScenePipeline.RunAsync(path, new PipelineOptions(), progress: null, CancellationToken.None);
        var resized = await ScenePipeline.RunAsync(path, smaller, progress: null, CancellationToken.None);

        Assert.Empty(defaults.Processing.Warnings);
        var warning = Assert.Single(resized.Processing.Warnings);
        // The shipped model's file says what it was trained on (scenecut train writes it).
        Assert.Matches(@"^the scene model \(models/scene-model\.scm\) was trained on the embeddings of ResNet18\.onnx sha256:[0-9a-f]{16} prep:[0-9a-f]{8} at 224×224, and this run makes those of ResNet18\.onnx sha256:[0-9a-f]{16} prep:[0-9a-f]{8} at 128×128", warning);
    }

    [Fact]
    public async Task Detect_SceneModelFileThatDoesNotSayWhatItWasTrainedOn_NoWarning()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        SyntheticClip.Write(path, [new(21, 30), new(22, 30)], [SyntheticTransition.Cut], new Size(320, 180), fps: 25);
        var shipped = SceneModel.Load(Path.Combine(AppContext.BaseDirectory, SceneDefaults.ModelPath), SceneDefaults.WindowShots, SceneDefaults.OverlapShots);
        Assert.NotNull(shipped.TrainedOn);
        var older = folder.File("older.scm");
        using (var stream = File.Create(older))
        {
            // As files were written before format version 3: the same networks, no metadata.
            shipped.Ensemble.WithMetadata(new Dictionary<string, string>()).Save(stream);
        }

        var options = new PipelineOptions();
        options.Scenes.ModelPath = older;
        options.Embeddings.InputWidth = 128;
        options.Embeddings.InputHeight = 128;
        var result = await ScenePipeline.RunAsync(path, options, progress: null, CancellationToken.None);

        Assert.Empty(result.Processing.Warnings);
        Assert.NotNull(result.Scenes);
    }
}
