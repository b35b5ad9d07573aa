using System.Text.Json;

namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Leave-one-source-out: for each source of the evaluation videos, trains a model without that source (its videos and
/// the episodes spliced from them) and runs the shot detector on its videos with the thresholds alone
/// (<see cref="LearnedShotMode.Off"/>) and with the model under every <see cref="DecoderChoice"/>. For each source the
/// choice is then made on the other sources' videos only (their own folds' predictions) and applied to it, so the
/// held-out source picks nothing. Writes one prediction file per video for <c>tools/score_real.py</c>:
/// <c>off/</c>, <c>add/</c> and <c>replace/</c> (the plain defaults) and <c>learned/</c> (the choice made without it).
/// </summary>
public static class LeaveOneSourceOut
{
    /// <summary>Runs every fold; returns the choice that scores best over all folds (for the shipped defaults).</summary>
    public static DecoderChoice Run(ShotTrainingCorpus corpus, IReadOnlyList<(LabelledVideo Truth, CachedVideo Video)> evaluation,
        ShotTrainingOptions options, ShotDetectionOptions shots, string outFolder, Action<string>? log = null)
    {
        var sources = evaluation.Select(v => v.Truth.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var extractor = new FrameFeatureExtractor(shots.AnalysisWidth, shots.HistogramBins);
        var grid = DecoderChoice.Grid;
        // (video, grid point) → score; and each video's predictions under each grid point, kept to write the chosen one.
        var scores = new Dictionary<string, ShotScore[]>(StringComparer.Ordinal);
        var predictions = new Dictionary<string, IReadOnlyList<Transition>[]>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var started = DateTime.UtcNow;
            var (model, report, windows) = ShotModelTrainer.Train(corpus, options, leaveOut: source);
            log?.Invoke($"fold {source}: {windows} windows, best epoch {report.BestEpoch}/{report.Epochs.Count}, " +
                $"validation loss {report.Epochs[report.BestEpoch - 1].ValidationLoss:F4}, {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            foreach (var (truth, video) in evaluation.Where(v => v.Truth.Source == source))
            {
                var features = EvidenceSequence.Features(LabelledSequence.FromTruth(truth, video), extractor, video.Seconds);
                var off = Detect(features, video.Fps, WithMode(shots, LearnedShotMode.Off), null);
                WritePrediction(Path.Combine(outFolder, "off", truth.Name + ".json"), off);
                WritePrediction(Path.Combine(outFolder, "add", truth.Name + ".json"), Detect(features, video.Fps, WithMode(shots, LearnedShotMode.Add), model));
                WritePrediction(Path.Combine(outFolder, "replace", truth.Name + ".json"), Detect(features, video.Fps, WithMode(shots, LearnedShotMode.Replace), model));
                var found = grid.Select(choice => Detect(features, video.Fps, choice.Apply(shots), model)).ToArray();
                predictions[truth.Name] = found;
                scores[truth.Name] = found.Select(f => ShotScore.Of(truth, f)).ToArray();
            }
        }

        foreach (var source in sources)
        {
            var others = evaluation.Where(v => v.Truth.Source != source).Select(v => v.Truth.Name).ToList();
            var chosen = Best(grid, others, scores);
            log?.Invoke($"choice without {source}: {grid[chosen]}");
            foreach (var (truth, _) in evaluation.Where(v => v.Truth.Source == source))
            {
                WritePrediction(Path.Combine(outFolder, "learned", truth.Name + ".json"), predictions[truth.Name][chosen]);
            }
        }

        var overall = Best(grid, [.. scores.Keys], scores);
        log?.Invoke($"choice over all folds (shipped): {grid[overall]}");
        return grid[overall];
    }

    // The grid point with the best F1 summed over the named videos (the first of equals).
    private static int Best(IReadOnlyList<DecoderChoice> grid, IReadOnlyList<string> videos, Dictionary<string, ShotScore[]> scores)
    {
        var best = 0;
        var bestF1 = -1.0;
        for (var g = 0; g < grid.Count; g++)
        {
            var total = videos.Aggregate(default(ShotScore), (sum, v) => sum + scores[v][g]);
            if (total.F1 > bestF1 + 1e-12)
            {
                best = g;
                bestF1 = total.F1;
            }
        }

        return best;
    }

    /// <summary>The transitions into each shot the detector finds in <paramref name="features"/>.</summary>
    public static IReadOnlyList<Transition> Detect(IReadOnlyList<FrameFeatures> features, double fps, ShotDetectionOptions shots, ShotTransitionModel? model)
    {
        var detector = new ShotDetector(shots, fps, model);
        foreach (var frame in features)
        {
            detector.Process(frame);
        }

        return detector.Finish().Shots.Where(s => s.TransitionIn is not null).Select(s => s.TransitionIn!).ToList();
    }

    /// <summary>A copy of <paramref name="shots"/> with the learned model in <paramref name="mode"/>.</summary>
    public static ShotDetectionOptions WithMode(ShotDetectionOptions shots, LearnedShotMode mode)
    {
        var json = JsonSerializer.Serialize(shots);
        var copy = JsonSerializer.Deserialize<ShotDetectionOptions>(json)!;
        copy.Learned.Mode = mode;
        return copy;
    }

    // The shots part of a result document: what score_real.py reads.
    private static void WritePrediction(string path, IReadOnlyList<Transition> transitions)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var shots = new List<object> { new { transitionIn = (object?)null } };
        shots.AddRange(transitions.Select(t => new
        {
            transitionIn = (object?)new { kind = t.Kind.ToString(), startFrame = t.StartFrame, endFrame = t.EndFrame, score = Math.Round(t.Score, 4) },
        }));
        File.WriteAllText(path, JsonSerializer.Serialize(new { shots }));
    }
}
