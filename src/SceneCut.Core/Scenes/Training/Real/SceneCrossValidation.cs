using SceneCut.AdSlots;
using SceneCut.Evaluation;
using SceneCut.Evaluation.Real;

namespace SceneCut.Scenes.Training.Real;

/// <summary>
/// Leave-one-source-out evaluation of the scene model on real videos: each source's videos are scored by a model
/// trained without any video of that source, at a threshold chosen by inner cross-validation over the other sources
/// only, next to the baselines in the same run: (a) every detected shot boundary is a scene, (b) a cosine-distance
/// threshold between neighbouring shots chosen on the other sources, and (c) a given model at its own operating point.
/// </summary>
/// <param name="options">How to train.</param>
/// <param name="spliceSources">Footage for the trainer's spliced episodes (never one of the scored videos); none when null.</param>
public sealed class SceneCrossValidation(RealSceneTrainingOptions options, IReadOnlyList<FootageIndex>? spliceSources = null)
{
    // Of equally good operating points, the shortest scene nearest this is taken (the previous model's default): fixed,
    // so the choice never depends on the default it chooses.
    private const double TieBreakMinSceneSeconds = 2.0;

    /// <summary>The method names, in report order.</summary>
    public static IReadOnlyList<string> Methods(string? comparedModel) =>
        ["(a) every shot boundary", "(b) cosine distance", comparedModel is null ? "(c) no model given" : $"(c) {comparedModel}", "(d) trained on real scenes"];

    /// <summary>Runs every fold. <paramref name="compared"/> is scored at its own operating point, <paramref name="comparedPoint"/>.</summary>
    public SceneCrossValidationReport Run(
        IReadOnlyList<RealSceneVideo> videos,
        SceneModel? compared,
        string? comparedName,
        SceneOperatingPoint comparedPoint,
        IProgress<string>? progress,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(videos);
        options.Validate();
        var folds = new List<SceneFold>();
        var outOfFold = new Dictionary<string, double[]>();
        foreach (var repository in videos.Select(v => v.Repository).Distinct().Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var heldOut = videos.Where(v => v.Repository == repository).ToList();
            var training = videos.Where(v => v.Repository != repository).ToList();

            var everyShot = Sum(heldOut.Select(v => v.Score(Ones(v), new SceneOperatingPoint(0.5, 0))));
            var distance = BestCosineDistance(training);
            var cosine = Sum(heldOut.Select(v => v.Score(SceneModelTrainer.CosineProbabilities(v.Shots, distance), new SceneOperatingPoint(0.5, 0))));
            var byCompared = compared is null
                ? default
                : Sum(heldOut.Select(v => v.Score(compared.Predict(v.Shots), comparedPoint)));

            var inner = InnerPredictions(training, cancellationToken);
            var point = BestOperatingPoint(inner, options.Thresholds, options.MinSceneSeconds);
            var slotScore = BestSlotScore(inner, point);
            var model = new SceneModel(new RealSceneTrainer(options, spliceSources).Train(training, cancellationToken), SceneDefaults.WindowShots, SceneDefaults.OverlapShots);
            var learned = default(MatchCounts);
            var slots = (Hits: 0, Count: 0);
            foreach (var video in heldOut)
            {
                var p = model.Predict(video.Shots);
                outOfFold[video.Truth.Name] = p;
                learned += video.Score(p, point).Scenes;
                var placed = video.Slots(p, point, Policy(slotScore));
                slots = (slots.Hits + video.SlotHits(placed, options.SlotToleranceSeconds), slots.Count + placed.Count);
            }

            var fold = new SceneFold(repository, heldOut.Select(v => v.Truth.Name).ToList(), point, distance, [everyShot, cosine, byCompared, learned], slotScore, slots);
            folds.Add(fold);
            progress?.Report($"{repository}: threshold {point.Threshold:0.00}, shortest scene {point.MinSceneSeconds:0.#} s, F1 every shot {everyShot.F1:0.000}, learned {learned.F1:0.000}");
        }

        return new SceneCrossValidationReport(Methods(comparedName), folds, outOfFold);
    }

    /// <summary>
    /// Out-of-fold predictions of an inner cross-validation, from which operating points are chosen: the training
    /// sources in <see cref="RealSceneTrainingOptions.InnerFolds"/> groups, each scored by a model trained on the others.
    /// </summary>
    public IReadOnlyList<(RealSceneVideo Video, double[] P)> InnerPredictions(IReadOnlyList<RealSceneVideo> training, CancellationToken cancellationToken = default)
    {
        var repositories = training.Select(v => v.Repository).Distinct().Order(StringComparer.Ordinal).ToList();
        var groups = Math.Min(options.InnerFolds, repositories.Count);
        var predictions = new List<(RealSceneVideo Video, double[] P)>();
        for (var g = 0; g < groups; g++)
        {
            var inGroup = repositories.Where((_, i) => i % groups == g).ToHashSet();
            var inner = training.Where(v => !inGroup.Contains(v.Repository)).ToList();
            if (!inner.Any(v => v.Labels.Any(l => l > 0.5f)))
            {
                continue;
            }

            var model = new SceneModel(new RealSceneTrainer(options, spliceSources).Train(inner, cancellationToken), SceneDefaults.WindowShots, SceneDefaults.OverlapShots);
            predictions.AddRange(training.Where(v => inGroup.Contains(v.Repository)).Select(v => (v, model.Predict(v.Shots))));
        }

        return predictions;
    }

    /// <summary>
    /// The lowest minimum slot score of <see cref="RealSceneTrainingOptions.SlotScores"/> whose slots on
    /// <paramref name="predictions"/> all lie on true scene starts (a mid-scene ad is the failure viewers notice); the
    /// highest when none does.
    /// </summary>
    public double BestSlotScore(IReadOnlyList<(RealSceneVideo Video, double[] P)> predictions, SceneOperatingPoint point)
    {
        foreach (var score in options.SlotScores.Order())
        {
            var (hits, count) = SlotCounts(predictions, point, score);
            if (count > 0 && hits == count)
            {
                return score;
            }
        }

        return options.SlotScores.Max();
    }

    /// <summary>The slots placed on <paramref name="predictions"/> at minimum slot score <paramref name="minScore"/>: how many lie on a true scene start, of how many.</summary>
    public (int Hits, int Count) SlotCounts(IReadOnlyList<(RealSceneVideo Video, double[] P)> predictions, SceneOperatingPoint point, double minScore)
    {
        var policy = Policy(minScore);
        var (hits, count) = (0, 0);
        foreach (var (video, p) in predictions)
        {
            var slots = video.Slots(p, point, policy);
            hits += video.SlotHits(slots, options.SlotToleranceSeconds);
            count += slots.Count;
        }

        return (hits, count);
    }

    private AdPolicyOptions Policy(double minScore) => new()
    {
        MinGapSeconds = options.SlotPolicy.MinGapSeconds,
        MarginSeconds = options.SlotPolicy.MarginSeconds,
        MaxSlotsPerHour = options.SlotPolicy.MaxSlotsPerHour,
        FadePreferenceSeconds = options.SlotPolicy.FadePreferenceSeconds,
        SettledSeconds = options.SlotPolicy.SettledSeconds,
        QuietShotSeconds = options.SlotPolicy.QuietShotSeconds,
        MinScore = minScore,
    };

    /// <summary>
    /// The threshold and shortest scene with the best pooled scene F1 on <paramref name="predictions"/> (ties: the
    /// threshold nearest 0.5, then the shortest scene nearest 2 s, the previous default).
    /// </summary>
    public static SceneOperatingPoint BestOperatingPoint(IReadOnlyList<(RealSceneVideo Video, double[] P)> predictions, IReadOnlyList<double> thresholds, IReadOnlyList<double> minSceneSeconds)
    {
        var best = (F1: -1.0, Point: new SceneOperatingPoint(0.5, TieBreakMinSceneSeconds));
        foreach (var t in thresholds.OrderBy(t => Math.Abs(t - 0.5)))
        {
            foreach (var m in minSceneSeconds.OrderBy(m => Math.Abs(m - TieBreakMinSceneSeconds)))
            {
                var point = new SceneOperatingPoint(t, m);
                var f1 = Sum(predictions.Select(p => p.Video.Score(p.P, point))).F1;
                if (f1 > best.F1 + 1e-12)
                {
                    best = (f1, point);
                }
            }
        }

        return best.Point;
    }

    /// <summary>Baseline (b)'s cosine distance: the one with the best scene F1 on <paramref name="training"/>.</summary>
    public static double BestCosineDistance(IReadOnlyList<RealSceneVideo> training)
    {
        var best = (F1: -1.0, Distance: 0.5);
        for (var d = 0.02; d < 1.0; d += 0.02)
        {
            var f1 = Sum(training.Select(v => v.Score(SceneModelTrainer.CosineProbabilities(v.Shots, d), new SceneOperatingPoint(0.5, 0)))).F1;
            if (f1 > best.F1)
            {
                best = (f1, d);
            }
        }

        return best.Distance;
    }

    private static double[] Ones(RealSceneVideo video) => Enumerable.Repeat(1.0, video.Shots.Count).ToArray();

    private static MatchCounts Sum(IEnumerable<RealVideoScore> scores) => scores.Aggregate(default(MatchCounts), (sum, s) => sum + s.Scenes);
}
