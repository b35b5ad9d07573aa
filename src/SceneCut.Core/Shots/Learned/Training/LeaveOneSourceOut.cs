using System.Text.Json;

namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Leave-one-source-out: for each source of the evaluation videos, trains a model without that source (its videos and
/// the episodes spliced from them) and runs the shot detector on its videos with the thresholds alone
/// (<see cref="LearnedShotMode.Off"/>) and with the model under every <see cref="DecoderChoice"/>. For each source the
/// choice is then made on the other sources' videos only (their own folds' predictions) and applied to it, so the
/// held-out source picks nothing. Only choices that keep the development clips (<c>data/truth</c>, run with the same
/// fold's model) at <see cref="MinDevelopmentF1"/> or above are allowed. Writes one prediction file per video for <c>tools/score_real.py</c>:
/// <c>off/</c> (thresholds only), <c>learned/</c> (each source with the choice made without it: the out-of-sample score), and
/// <c>add/</c> and <c>replace/</c> (the configured decoder settings, which were chosen over all folds: in-sample).
/// </summary>
public static class LeaveOneSourceOut
{
    /// <summary>The development clips' F1 at k = 2 that a choice must keep (the regression gate of <c>scenecut eval</c>).</summary>
    public const double MinDevelopmentF1 = 0.98;

    /// <summary>
    /// Runs every fold; returns the choice that scores best over all folds while <paramref name="finalModel"/> keeps the
    /// development clips at <see cref="MinDevelopmentF1"/> (for the shipped defaults).
    /// </summary>
    public static DecoderChoice Run(ShotTrainingCorpus corpus, IReadOnlyList<(LabelledVideo Truth, CachedVideo Video)> evaluation,
        IReadOnlyList<(LabelledVideo Truth, CachedVideo Video)> development, ShotTransitionModel finalModel,
        ShotTrainingOptions options, ShotDetectionOptions shots, string outFolder, Action<string>? log = null)
    {
        var sources = evaluation.Select(v => v.Truth.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var extractor = new FrameFeatureExtractor(shots.AnalysisWidth, shots.HistogramBins);
        var grid = DecoderChoice.Grid;
        // (video, grid point) → score; and each video's predictions under each grid point, kept to write the chosen one.
        var scores = new Dictionary<string, ShotScore[]>(StringComparer.Ordinal);
        var predictions = new Dictionary<string, IReadOnlyList<Transition>[]>(StringComparer.Ordinal);
        var developmentScores = new Dictionary<string, ShotScore[]>(StringComparer.Ordinal);
        var developmentFeatures = development.Select(d => (d.Truth, d.Video.Fps,
            Features: EvidenceSequence.Features(LabelledSequence.FromTruth(d.Truth, d.Video), extractor, d.Video.Seconds))).ToList();
        double offSeconds = 0, addSeconds = 0;
        long frames = 0;
        foreach (var source in sources)
        {
            var started = DateTime.UtcNow;
            var (model, report, windows) = ShotModelTrainer.Train(corpus, options, leaveOut: source);
            log?.Invoke($"fold {source}: {windows} windows, best epoch {report.BestEpoch}/{report.Epochs.Count}, " +
                $"validation loss {report.Epochs[report.BestEpoch - 1].ValidationLoss:F4}, {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            foreach (var (truth, video) in evaluation.Where(v => v.Truth.Source == source))
            {
                var features = EvidenceSequence.Features(LabelledSequence.FromTruth(truth, video), extractor, video.Seconds);
                var timer = System.Diagnostics.Stopwatch.StartNew();
                var off = Detect(features, video.Fps, WithMode(shots, LearnedShotMode.Off), null);
                offSeconds += timer.Elapsed.TotalSeconds;
                WritePrediction(Path.Combine(outFolder, "off", truth.Name + ".json"), off);
                timer.Restart();
                var add = Detect(features, video.Fps, WithMode(shots, LearnedShotMode.Add), model);
                addSeconds += timer.Elapsed.TotalSeconds;
                frames += features.Length;
                WritePrediction(Path.Combine(outFolder, "add", truth.Name + ".json"), add);
                WritePrediction(Path.Combine(outFolder, "replace", truth.Name + ".json"), Detect(features, video.Fps, WithMode(shots, LearnedShotMode.Replace), model));
                var found = grid.Select(choice => Detect(features, video.Fps, choice.Apply(shots), model)).ToArray();
                predictions[truth.Name] = found;
                scores[truth.Name] = found.Select(f => ShotScore.Of(truth, f)).ToArray();
            }

            developmentScores[source] = DevelopmentScores(grid, developmentFeatures, shots, model);
        }

        log?.Invoke($"shot detection from features, per frame: thresholds {1e6 * offSeconds / frames:F1} µs, with the model (Add) {1e6 * addSeconds / frames:F1} µs");
        var finalDevelopment = DevelopmentScores(grid, developmentFeatures, shots, finalModel);

        foreach (var source in sources)
        {
            var others = evaluation.Where(v => v.Truth.Source != source).Select(v => v.Truth.Name).ToList();
            var chosen = Best(grid, others, scores, developmentScores[source]);
            log?.Invoke($"choice without {source}: {grid[chosen]} (development F1 {developmentScores[source][chosen].F1:F3})");
            foreach (var (truth, _) in evaluation.Where(v => v.Truth.Source == source))
            {
                WritePrediction(Path.Combine(outFolder, "learned", truth.Name + ".json"), predictions[truth.Name][chosen]);
            }
        }

        var overall = Best(grid, [.. scores.Keys], scores, finalDevelopment);
        log?.Invoke($"choice over all folds (shipped): {grid[overall]} (development F1 of the final model {finalDevelopment[overall].F1:F3})");
        return grid[overall];
    }

    // Per grid point: the development clips' score summed, with this model.
    private static ShotScore[] DevelopmentScores(IReadOnlyList<DecoderChoice> grid,
        List<(LabelledVideo Truth, double Fps, FrameFeatures[] Features)> development, ShotDetectionOptions shots, ShotTransitionModel model) =>
        grid.Select(choice => development.Aggregate(default(ShotScore),
            (sum, d) => sum + ShotScore.Of(d.Truth, Detect(d.Features, d.Fps, choice.Apply(shots), model)))).ToArray();

    // The grid point with the best F1 summed over the named videos (the first of equals) among those that keep the
    // development clips at the gate; when none does, the best of all.
    private static int Best(IReadOnlyList<DecoderChoice> grid, IReadOnlyList<string> videos, Dictionary<string, ShotScore[]> scores,
        ShotScore[] development)
    {
        var allowed = Enumerable.Range(0, grid.Count).Where(g => development[g].F1 >= MinDevelopmentF1).ToList();
        if (allowed.Count == 0)
        {
            allowed = [.. Enumerable.Range(0, grid.Count)];
        }

        var best = allowed[0];
        var bestF1 = -1.0;
        foreach (var g in allowed)
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
