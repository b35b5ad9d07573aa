using System.Text.Json;

namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Leave-one-source-out: for each source of the evaluation videos, trains a model without that source (its videos and
/// the episodes spliced from them) and runs the shot detector on its videos three ways: thresholds only
/// (<see cref="LearnedShotMode.Off"/>), thresholds and model (<see cref="LearnedShotMode.Add"/>), model only
/// (<see cref="LearnedShotMode.Replace"/>). Writes one prediction file per video and way, for <c>tools/score_real.py</c>.
/// </summary>
public static class LeaveOneSourceOut
{
    /// <summary>Runs every fold; predictions go to <paramref name="outFolder"/>/{off,add,replace}/NAME.json.</summary>
    public static void Run(ShotTrainingCorpus corpus, IReadOnlyList<(LabelledVideo Truth, CachedVideo Video)> evaluation,
        ShotTrainingOptions options, ShotDetectionOptions shots, string outFolder, Action<string>? log = null)
    {
        var sources = evaluation.Select(v => v.Truth.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        using var extractor = new FrameFeatureExtractor(shots.AnalysisWidth, shots.HistogramBins);
        foreach (var source in sources)
        {
            var started = DateTime.UtcNow;
            var (model, report, windows) = ShotModelTrainer.Train(corpus, options, leaveOut: source);
            log?.Invoke($"fold {source}: {windows} windows, best epoch {report.BestEpoch}/{report.Epochs.Count}, " +
                $"validation loss {report.Epochs[report.BestEpoch - 1].ValidationLoss:F4}, {(DateTime.UtcNow - started).TotalSeconds:F0} s");
            foreach (var (truth, video) in evaluation.Where(v => v.Truth.Source == source))
            {
                var features = EvidenceSequence.Features(LabelledSequence.FromTruth(truth, video), extractor, video.Seconds);
                foreach (var mode in new[] { LearnedShotMode.Off, LearnedShotMode.Add, LearnedShotMode.Replace })
                {
                    var transitions = Detect(features, video.Fps, WithMode(shots, mode), model);
                    WritePrediction(Path.Combine(outFolder, mode.ToString().ToLowerInvariant(), truth.Name + ".json"), transitions);
                }
            }
        }
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
