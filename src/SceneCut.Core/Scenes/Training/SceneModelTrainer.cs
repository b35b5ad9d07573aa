using System.Diagnostics;
using System.Globalization;
using SceneCut.AdSlots;
using SceneCut.Evaluation;
using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Training;

namespace SceneCut.Scenes.Training;

/// <summary>
/// Trains the scene model on spliced episodes and scores it on episodes spliced from held-out sources, next to the
/// baselines: (a) every shot cut is a scene change, (b) a cosine-distance threshold between neighbouring shots, and
/// (c) the other recurrent cells of the same size.
/// </summary>
public sealed class SceneModelTrainer(SceneTrainingOptions options)
{
    /// <summary>A policy that lets several slots fit into a short episode (the default policy's minutes do not).</summary>
    public static AdPolicyOptions EpisodePolicy => new() { MinGapSeconds = 8, MarginSeconds = 3, MaxSlotsPerHour = 3600, MinScore = 0.5 };

    /// <summary>
    /// Trains the configured cell — <see cref="SceneTrainingOptions.EnsembleSize"/> networks of it, each on its own
    /// episodes, weights and order (<see cref="SceneTrainingOptions.MemberSeed"/>), averaged — and with
    /// <paramref name="compareCells"/> one network of each other cell, for the report. Photographs
    /// (<see cref="Photos.PhotoViews.ToFootage"/>) add <see cref="SceneTrainingOptions.PhotoEpisodes"/> training
    /// episodes; held-out photographs are scored on their own line. Early stopping and the main scores use the footage
    /// validation episodes only (the same for every member), so runs with and without photos compare.
    /// </summary>
    public (SequenceTaggerEnsemble Model, IReadOnlyList<SceneMethodScore> Scores) Train(
        IReadOnlyList<FootageIndex> trainingSources,
        IReadOnlyList<FootageIndex> validationSources,
        bool compareCells,
        IProgress<string>? progress,
        IReadOnlyList<FootageIndex>? trainingPhotos = null,
        IReadOnlyList<FootageIndex>? validationPhotos = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.EnsembleSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.EnsembleSize, SceneCut.Recurrent.Serialization.ModelFile.MaxMembers);
        var validation = Episodes(validationSources, options.ValidationEpisodes, options.Seed + 1);
        var photoValidation = validationPhotos is { Count: >= 2 } ? Episodes(validationPhotos, options.ValidationEpisodes, options.Seed + 3) : null;
        var validX = validation.Select(e => SceneFeatures.Build(e.Shots)).ToList();
        var validY = validation.Select(e => e.Labels).ToList();

        var scores = new List<SceneMethodScore>
        {
            new("(a) every cut", Score(validation, validation.Select(e => e.Shots.Select(_ => 1.0).ToArray()).ToList()), 0),
        };
        var threshold = BestCosineThreshold(TrainingEpisodes(trainingSources, trainingPhotos, options.Seed));
        var cosine = validation.Select(e => CosineProbabilities(e, threshold)).ToList();
        scores.Add(new(string.Create(CultureInfo.InvariantCulture, $"(b) cosine distance >= {threshold:0.000}"), Score(validation, cosine), 0));
        // The baselines under the default shortest scene too, so the model's post-processing is not what beats them.
        scores.Add(new(ShortestSceneLabel("(a) every cut"), Score(validation, validation.Select(e => e.Shots.Select(_ => 1.0).ToArray()).ToList(), SceneEvaluator.Threshold, EpisodePolicy, SceneDefaults.MinSceneSeconds), 0));
        scores.Add(new(ShortestSceneLabel("(b) cosine"), Score(validation, cosine, SceneEvaluator.Threshold, EpisodePolicy, SceneDefaults.MinSceneSeconds), 0));

        var members = new List<SequenceTagger>();
        var memberProbabilities = new List<IReadOnlyList<double[]>>();
        var totalSeconds = 0.0;
        for (var k = 0; k < options.EnsembleSize; k++)
        {
            var seed = options.MemberSeed(k);
            var (tagger, seconds) = TrainOne(options.Cell, seed, trainingSources, trainingPhotos, validX, validY, progress);
            var probabilities = validX.Select(x => tagger.Predict(x).Select(p => (double)p).ToArray()).ToList();
            var label = options.EnsembleSize > 1 ? $" seed {seed}" : "";
            scores.Add(new($"(c) Bi{options.Cell} {options.Layers}x{options.HiddenSize}{label}", Score(validation, probabilities), seconds));
            AddPhotoScore(scores, tagger, photoValidation);
            members.Add(tagger);
            memberProbabilities.Add(probabilities);
            totalSeconds += seconds;
        }

        var ensemble = new SequenceTaggerEnsemble(members);
        var chosen = memberProbabilities[0];
        if (options.EnsembleSize > 1)
        {
            chosen = Mean(memberProbabilities);
            scores.Add(new($"(c) Bi{options.Cell} {options.Layers}x{options.HiddenSize} mean of {options.EnsembleSize}", Score(validation, chosen), totalSeconds));
        }

        // The operating points of the saved model: scene threshold, shortest scene and the ad policy's minimum slot
        // score. The default (SceneDefaults) comes first; the others show what each part of it is worth.
        foreach (var (sceneThreshold, minScene, minSlot) in new[]
        {
            (SceneDefaults.Threshold, SceneDefaults.MinSceneSeconds, 0.98),
            (SceneDefaults.Threshold, 0.0, 0.98),
            (0.7, SceneDefaults.MinSceneSeconds, 0.98),
            (0.7, 0.0, 0.98),
            (0.7, 0.0, 0.9),
        })
        {
            var policy = EpisodePolicy;
            policy.MinScore = minSlot;
            scores.Add(new(string.Create(CultureInfo.InvariantCulture, $"    p>={sceneThreshold:0.0#}, min {minScene:0.#} s, slots>={minSlot:0.0#}"), Score(validation, chosen, sceneThreshold, policy, minScene), 0));
        }

        if (compareCells)
        {
            foreach (var cell in Enum.GetValues<CellType>().Where(c => c != options.Cell))
            {
                var (tagger, seconds) = TrainOne(cell, options.Seed, trainingSources, trainingPhotos, validX, validY, progress);
                scores.Add(new($"(c) Bi{cell} {options.Layers}x{options.HiddenSize}", Score(validation, validX.Select(x => tagger.Predict(x).Select(p => (double)p).ToArray()).ToList()), seconds));
                AddPhotoScore(scores, tagger, photoValidation);
            }
        }

        return (ensemble, scores);
    }

    // One network of `cell` trained with `seed` on its own training episodes (footage, plus photos when given).
    private (SequenceTagger Tagger, double Seconds) TrainOne(
        CellType cell,
        int seed,
        IReadOnlyList<FootageIndex> trainingSources,
        IReadOnlyList<FootageIndex>? trainingPhotos,
        IReadOnlyList<float[][]> validX,
        IReadOnlyList<float[]> validY,
        IProgress<string>? progress)
    {
        var training = TrainingEpisodes(trainingSources, trainingPhotos, seed);
        var trainX = training.Select(e => SceneFeatures.Build(e.Shots)).ToList();
        var trainY = training.Select(e => e.Labels).ToList();
        var positives = trainY.Sum(y => y.Count(v => v > 0.5f));
        var negatives = trainY.Sum(y => y.Length) - positives;
        var tagger = new SequenceTagger(new SequenceTaggerOptions
        {
            FeatureSize = SceneFeatures.Size,
            Cell = cell,
            HiddenSize = options.HiddenSize,
            Layers = options.Layers,
            Bidirectional = true,
            PositiveWeight = positives > 0 ? (float)negatives / positives : 1f,
            Seed = seed,
        });
        var stopwatch = Stopwatch.StartNew();
        var report = tagger.Train(
            trainX,
            trainY,
            new TrainerOptions { Epochs = options.Epochs, Patience = options.Patience, LearningRate = options.LearningRate, ClipNorm = 1f, Seed = seed },
            validX,
            validY);
        stopwatch.Stop();
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{cell} seed {seed}: {report.Epochs.Count} epochs (best {report.BestEpoch}) in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        return (tagger, stopwatch.Elapsed.TotalSeconds);
    }

    // Footage episodes of `seed`, then photo episodes of seed + 2 (the offsets of SceneTrainingOptions.MemberSeed).
    private List<SceneEpisode> TrainingEpisodes(IReadOnlyList<FootageIndex> sources, IReadOnlyList<FootageIndex>? photos, int seed)
    {
        var training = Episodes(sources, options.TrainingEpisodes, seed).ToList();
        if (photos is { Count: >= 2 })
        {
            training.AddRange(Episodes(photos, options.PhotoEpisodes, seed + 2));
        }

        return training;
    }

    private void AddPhotoScore(List<SceneMethodScore> scores, SequenceTagger tagger, IReadOnlyList<SceneEpisode>? photoValidation)
    {
        if (photoValidation is not null)
        {
            var onPhotos = photoValidation.Select(e => tagger.Predict(SceneFeatures.Build(e.Shots)).Select(p => (double)p).ToArray()).ToList();
            scores.Add(new("    on held-out photo episodes", Score(photoValidation, onPhotos), 0));
        }
    }

    private static string ShortestSceneLabel(string method) =>
        string.Create(CultureInfo.InvariantCulture, $"{method}, scenes >= {SceneDefaults.MinSceneSeconds:0.#} s");

    /// <summary>The mean over members of their per-episode probabilities (what <see cref="SequenceTaggerEnsemble"/> gives).</summary>
    public static IReadOnlyList<double[]> Mean(IReadOnlyList<IReadOnlyList<double[]>> members)
    {
        var mean = new List<double[]>(members[0].Count);
        for (var e = 0; e < members[0].Count; e++)
        {
            var sum = new double[members[0][e].Length];
            foreach (var member in members)
            {
                for (var t = 0; t < sum.Length; t++)
                {
                    sum[t] += member[e][t];
                }
            }

            mean.Add(sum.Select(v => v / members.Count).ToArray());
        }

        return mean;
    }

    /// <summary>Scores <paramref name="probabilities"/> (one array per episode) on <paramref name="episodes"/>.</summary>
    public static SceneEvaluationSummary Score(IReadOnlyList<SceneEpisode> episodes, IReadOnlyList<double[]> probabilities) =>
        Score(episodes, probabilities, SceneEvaluator.Threshold, EpisodePolicy);

    /// <summary>
    /// Scores with scenes at <paramref name="threshold"/>, none shorter than <paramref name="minSceneSeconds"/>, and
    /// slots under <paramref name="policy"/>.
    /// </summary>
    public static SceneEvaluationSummary Score(IReadOnlyList<SceneEpisode> episodes, IReadOnlyList<double[]> probabilities, double threshold, AdPolicyOptions policy, double minSceneSeconds = 0)
    {
        var clips = new List<SceneClipEvaluation>(episodes.Count);
        for (var i = 0; i < episodes.Count; i++)
        {
            var p = probabilities[i].ToArray();
            p[0] = 1.0;
            var name = $"episode-{i}";
            clips.Add(SceneEvaluator.Score(name, EpisodeDocument.Truth(episodes[i], name), EpisodeDocument.Result(episodes[i], p, threshold, policy, minSceneSeconds), p));
        }

        return SceneEvaluator.Summarize(clips);
    }

    /// <summary>Episodes spliced from <paramref name="sources"/>.</summary>
    public IReadOnlyList<SceneEpisode> Episodes(IReadOnlyList<FootageIndex> sources, int count, int seed)
    {
        var splicer = new EpisodeSplicer(sources, options.Recipe, seed);
        return Enumerable.Range(0, count).Select(_ => splicer.Next()).Where(e => e.Shots.Count > 1).ToList();
    }

    /// <summary>Baseline (b): probabilities that cross 0.5 where the cosine distance of neighbouring shots reaches <paramref name="threshold"/>.</summary>
    public static double[] CosineProbabilities(SceneEpisode episode, double threshold) => CosineProbabilities(episode.Shots, threshold);

    /// <summary>Baseline (b) on any shots: p crosses 0.5 where the cosine distance of neighbouring shots reaches <paramref name="threshold"/>.</summary>
    public static double[] CosineProbabilities(IReadOnlyList<ShotSummary> shots, double threshold)
    {
        var p = new double[shots.Count];
        for (var i = 1; i < p.Length; i++)
        {
            var distance = 1.0 - System.Numerics.Tensors.TensorPrimitives.Dot(shots[i - 1].Embedding, shots[i].Embedding);
            // Any monotone map keeps AP; this one crosses 0.5 exactly at the threshold.
            p[i] = Math.Clamp(0.5 + (distance - threshold), 0, 1);
        }

        return p;
    }

    /// <summary>The cosine-distance threshold with the best shot-level F1 on <paramref name="training"/>.</summary>
    public static double BestCosineThreshold(IReadOnlyList<SceneEpisode> training)
    {
        var best = (F1: -1.0, Threshold: 0.5);
        for (var threshold = 0.02; threshold < 1.0; threshold += 0.02)
        {
            var counts = default(MatchCounts);
            foreach (var episode in training)
            {
                for (var i = 1; i < episode.Shots.Count; i++)
                {
                    var predicted = 1.0 - System.Numerics.Tensors.TensorPrimitives.Dot(episode.Shots[i - 1].Embedding, episode.Shots[i].Embedding) >= threshold;
                    var actual = episode.Labels[i] > 0.5f;
                    counts += new MatchCounts(predicted && actual ? 1 : 0, predicted && !actual ? 1 : 0, !predicted && actual ? 1 : 0);
                }
            }

            if (counts.F1 > best.F1)
            {
                best = (counts.F1, threshold);
            }
        }

        return best.Threshold;
    }
}
