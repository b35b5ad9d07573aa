using SceneCut.Embeddings;
using SceneCut.Evaluation.Real;
using SceneCut.Pipeline;
using SceneCut.Scenes;
using SceneCut.Scenes.Training;
using SceneCut.Scenes.Training.Real;
using SceneCut.Testing;

namespace SceneCut.Tests.Scenes.Training.Real;

/// <summary>
/// End to end on real footage: a small scene model trained on a few real videos with hand-checked scenes finds the
/// scenes of a video from another source better than calling every detected shot boundary a scene.
/// </summary>
public sealed class RealSceneTrainingTests
{
    // Small files with many scene starts, from sources other than the held-apart video's (ossrs/srs).
    private static readonly string[] Training = ["b-bbb-trailer", "b-forrestgump-trailer", "a-news-eu-giscard", "b-chromeicon-ad", "b-enterprise-ad", "b-cea608-clip", "b-bw-film"];
    private const string HeldApart = "b-avatar-trailer";

    [SharedDataFact]
    public void Train_FewRealVideos_BeatsEveryShotBoundaryOnAVideoOfAnotherSource()
    {
        using var cache = new TempFolder();
        var options = new PipelineOptions();
        using var embedder = FrameEmbedder.Create(options.Embeddings);
        var indexer = new FootageIndexer(embedder, options, cache.Path);
        RealSceneVideo Load(string name)
        {
            var truth = RealTruth.Load(Path.Combine(SharedData.Folder!, "real", name + RealTruth.Suffix));
            return RealSceneVideo.Of(truth, indexer.Index(truth.VideoPath, CancellationToken.None));
        }

        var training = Training.Select(Load).ToList();
        var heldApart = Load(HeldApart);
        Assert.DoesNotContain(heldApart.Repository, training.Select(v => v.Repository));
        var trainingOptions = new RealSceneTrainingOptions { EnsembleSize = 1, SplicedEpisodes = 0 };

        var model = new SceneModel(new RealSceneTrainer(trainingOptions).Train(training), SceneDefaults.WindowShots, SceneDefaults.OverlapShots);
        var learned = heldApart.Score(model.Predict(heldApart.Shots), new SceneOperatingPoint(SceneDefaults.Threshold, SceneDefaults.MinSceneSeconds)).Scenes;
        var everyShot = heldApart.Score(Enumerable.Repeat(1.0, heldApart.Shots.Count).ToArray(), new SceneOperatingPoint(0.5, 0)).Scenes;

        Assert.True(learned.F1 > everyShot.F1, $"learned {learned} (F1 {learned.F1:0.000}) against every shot boundary {everyShot} (F1 {everyShot.F1:0.000})");
        Assert.True(learned.TruePositives >= 2, learned.ToString());
    }
}
