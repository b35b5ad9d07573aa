using SceneCut.Embeddings;
using SceneCut.Evaluation;
using SceneCut.Pipeline;
using SceneCut.Scenes;
using SceneCut.Scenes.Training;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Scenes;

/// <summary>
/// The committed scene model on episodes spliced from the four clips held out of its training (models/README.md): it
/// keeps its measured scores (AP 0.85, F1 ±1 s 0.76), clearly better than calling every cut a scene, and every ad slot
/// of the default policy on a true boundary, on the validation episodes and on fresh ones that nothing was chosen on.
/// It is trained and tuned for real edited video; on these joins of unrelated clips a cosine-distance threshold does
/// better (AP 0.93, F1 0.79), which models/README.md reports. Bars are the measured values rounded down.
/// </summary>
public sealed class SceneModelValidationTests
{
    private static readonly string[] HeldOut = ["audrey.mp4", "cockatoo.mp4", "goldeneye-vfr-drop3.mp4", "issue-236-split-copy.mkv"];

    // Seeds of episodes no threshold or policy value was looked at on (the validation episodes use training seed + 1).
    private static readonly int[] FreshSeeds = [1001, 2002, 3003];

    [SharedDataFact]
    public void CommittedModel_HeldOutEpisodes_KeepsItsMeasuredScoresAndBeatsEveryCut()
    {
        using var cache = new TempFolder();
        var options = new PipelineOptions();
        using var embedder = FrameEmbedder.Create(options.Embeddings);
        var indexer = new FootageIndexer(embedder, options, cache.Path);
        var sources = HeldOut.Select(name => indexer.Index(SharedData.Clip(name), CancellationToken.None)).ToList();
        var training = new SceneTrainingOptions();
        var trainer = new SceneModelTrainer(training);
        var episodes = trainer.Episodes(sources, training.ValidationEpisodes, training.Seed + 1);
        var model = SceneModel.Load(Path.Combine(AppContext.BaseDirectory, SceneDefaults.ModelPath), SceneDefaults.WindowShots, SceneDefaults.OverlapShots);

        // The default policy (MinScore, SettledSeconds, …) with gaps and margins that let several slots fit an episode.
        var policy = SceneModelTrainer.EpisodePolicy;
        policy.MinScore = new SceneCut.AdSlots.AdPolicyOptions().MinScore;
        var ours = SceneModelTrainer.Score(episodes, episodes.Select(e => model.Predict(e.Shots)).ToList(), SceneDefaults.Threshold, policy, SceneDefaults.MinSceneSeconds);
        var everyCut = SceneModelTrainer.Score(episodes, episodes.Select(e => e.Shots.Select(_ => 1.0).ToArray()).ToList());
        // Baseline (b) at the threshold `scenecut train` chose on the training episodes (docs/scene-model-spliced-v3.md).
        const double threshold = 0.52;
        var cosineProbabilities = episodes.Select(e => SceneModelTrainer.CosineProbabilities(e, threshold)).ToList();
        var cosine = SceneModelTrainer.Score(episodes, cosineProbabilities);
        // The baselines with the same shortest scene: the model must beat them, not only their lack of post-processing.
        var everyCutShortest = SceneModelTrainer.Score(episodes, episodes.Select(e => e.Shots.Select(_ => 1.0).ToArray()).ToList(), SceneEvaluator.Threshold, SceneModelTrainer.EpisodePolicy, SceneDefaults.MinSceneSeconds);
        var cosineShortest = SceneModelTrainer.Score(episodes, cosineProbabilities, SceneEvaluator.Threshold, SceneModelTrainer.EpisodePolicy, SceneDefaults.MinSceneSeconds);

        // Measured AP 0.850, F1 ±1 s 0.759 (threshold 0.25, shortest scene 1 s), 46 slots, all on a boundary.
        Assert.True(ours.AveragePrecision >= 0.84, $"AP {ours.AveragePrecision:0.000}");
        Assert.True(ours.WithinTolerance.F1 >= 0.75, $"F1 ±1 s {ours.WithinTolerance.F1:0.000}");
        foreach (var (name, baseline) in new[] { ("every-cut", everyCut), ("every-cut, shortest scene", everyCutShortest) })
        {
            Assert.True(ours.WithinTolerance.F1 >= baseline.WithinTolerance.F1 + 0.15, $"{name} baseline F1 ±1 s {baseline.WithinTolerance.F1:0.000}");
        }

        // Measured: cosine AP 0.926, F1 0.794 (0.798 with the 1 s shortest scene). The model is behind it here, by this much at most.
        Assert.True(ours.WithinTolerance.F1 >= cosine.WithinTolerance.F1 - 0.05, $"cosine baseline F1 ±1 s {cosine.WithinTolerance.F1:0.000}");
        Assert.True(ours.AveragePrecision >= cosine.AveragePrecision - 0.1, $"cosine baseline AP {cosine.AveragePrecision:0.000}");
        Assert.True(ours.AdSlots.Slots >= 40, $"only {ours.AdSlots.Slots} slots");
        Assert.True(ours.AdSlots.Precision == 1.0, $"ad-slot precision {ours.AdSlots.Precision:0.000}: {ours.AdSlots.Slots - ours.AdSlots.OnSceneBoundary} of {ours.AdSlots.Slots} slots off a scene boundary");

        foreach (var seed in FreshSeeds)
        {
            var fresh = trainer.Episodes(sources, training.ValidationEpisodes, seed);
            var onFresh = SceneModelTrainer.Score(fresh, fresh.Select(e => model.Predict(e.Shots)).ToList(), SceneDefaults.Threshold, policy, SceneDefaults.MinSceneSeconds);
            // Measured AP 0.852 / 0.845 / 0.850, F1 0.776 / 0.742 / 0.766, 45 / 44 / 64 slots, all on a boundary.
            Assert.True(onFresh.AveragePrecision >= 0.84 && onFresh.WithinTolerance.F1 >= 0.74, $"fresh episodes (seed {seed}): AP {onFresh.AveragePrecision:0.000}, F1 ±1 s {onFresh.WithinTolerance.F1:0.000}");
            Assert.True(onFresh.AdSlots.Slots >= 40 && onFresh.AdSlots.Precision == 1.0, $"fresh episodes (seed {seed}): ad-slot precision {onFresh.AdSlots.Precision:0.000} of {onFresh.AdSlots.Slots}");
        }
    }
}
