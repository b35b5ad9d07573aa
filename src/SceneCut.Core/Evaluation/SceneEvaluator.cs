using System.Globalization;
using SceneCut.Pipeline;
using SceneCut.Results;
using SceneCut.Scenes;

namespace SceneCut.Evaluation;

/// <summary>
/// Scores scene boundaries and ad slots against scene truth (<c>scene_starts</c>, <c>not_scene_boundaries</c>):
/// <list type="bullet">
/// <item><b>Shot granularity</b> (LGSS/BaSSL on MovieNet-SSeg): every detected shot i ≥ 1 is a boundary with the
/// model's probability; it is labelled 1 when a true scene start maps to it. A true start maps to the detected shot whose
/// start is nearest in time within ±<see cref="ShotToleranceSeconds"/>, one-to-one, nearest pairs first; a true start
/// with no such shot stays a positive nobody scored (it lowers recall and AP). AP is scikit-learn's
/// <c>average_precision_score</c> (<see cref="Evaluation.AveragePrecision"/>); F1 counts a boundary predicted where the
/// probability is ≥ <see cref="Threshold"/>.</item>
/// <item><b>F1 ±1 s</b>: the predicted scene starts (the document's scenes 1..) against the true ones in seconds, matched
/// one-to-one within ±<see cref="BoundaryToleranceSeconds"/>.</item>
/// <item><b>mIoU</b>: scenes as time spans; for each true scene the best IoU with a predicted one, averaged, and the
/// same from the predicted side; the clip's mIoU is the mean of both directions (LGSS), the overall mIoU the mean over
/// clips.</item>
/// <item><b>Ad-slot precision</b>: share of slots within ±<see cref="AdSlotToleranceSeconds"/> of a true scene start.</item>
/// </list>
/// Truth frames become seconds through the document's shots (<see cref="ShotClock"/>), so container timestamps apply.
/// </summary>
public static class SceneEvaluator
{
    /// <summary>Threshold of the shot-granularity F1.</summary>
    public const double Threshold = SceneBuilder.DefaultThreshold;

    /// <summary>How far a true scene start may lie from a detected shot start and still be that shot's boundary.</summary>
    public const double ShotToleranceSeconds = 1.0;

    /// <summary>Tolerance of the time-based scene F1.</summary>
    public const double BoundaryToleranceSeconds = 1.0;

    /// <summary>How far a slot may lie from a true scene start and still be on it.</summary>
    public const double AdSlotToleranceSeconds = 0.5;

    /// <summary>
    /// Scores one clip. <paramref name="boundaryProbabilities"/> holds one probability per shot of
    /// <paramref name="result"/> (index 0 ignored); the predicted scenes are <paramref name="result"/>'s scenes, or,
    /// when it has none, the scenes those probabilities give at <see cref="Threshold"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The truth has no scene truth, or the probabilities do not match the shots.</exception>
    public static SceneClipEvaluation Score(string name, TruthFile truth, ResultDocument result, IReadOnlyList<double> boundaryProbabilities)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(boundaryProbabilities);
        if (truth.SceneStarts is null)
        {
            throw new ArgumentException($"{name}: the truth has no scene_starts.", nameof(truth));
        }

        var shots = result.Shots;
        if (boundaryProbabilities.Count != shots.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{name}: one probability per shot is needed: {shots.Count} shots, {boundaryProbabilities.Count} probabilities."),
                nameof(boundaryProbabilities));
        }

        var fps = truth.Fps > 0 ? truth.Fps : result.Video.Fps;
        var firstFrame = shots.Count > 0 ? shots[0].StartFrame : 0;
        // The first scene's start is implied; a listed frame 0 is not a boundary.
        var trueStarts = truth.SceneStarts.Where(f => f > firstFrame).Distinct().Order().ToList();
        var trueSeconds = trueStarts.Select(f => ShotClock.SecondsOf(shots, f, fps)).ToList();

        // Shot granularity: map true starts (and known in-scene boundaries) onto detected shots 1..
        var positiveShots = MapToShots(trueSeconds, shots, new HashSet<int>());
        var negativeShots = MapToShots(truth.NotSceneBoundaries.Select(f => ShotClock.SecondsOf(shots, f, fps)).ToList(), shots, positiveShots);
        var labels = Enumerable.Range(1, Math.Max(0, shots.Count - 1))
            .Select(i => new ShotBoundaryLabel(boundaryProbabilities[i], positiveShots.Contains(i)))
            .ToList();
        var unmatched = trueStarts.Count - positiveShots.Count;
        var predictedAtThreshold = labels.Count(l => l.Probability >= Threshold);
        var hitsAtThreshold = labels.Count(l => l.Probability >= Threshold && l.IsSceneStart);
        var atThreshold = new MatchCounts(hitsAtThreshold, predictedAtThreshold - hitsAtThreshold, trueStarts.Count - hitsAtThreshold);
        var inSceneFalseAlarms = negativeShots.Count(i => boundaryProbabilities[i] >= Threshold);

        // In time: the scenes the user gets.
        var scenes = result.Scenes.Count > 0 || shots.Count == 0 ? result.Scenes : SceneBuilder.Build(shots, boundaryProbabilities, Threshold);
        var predictedSeconds = scenes.Skip(1).Select(s => s.StartSeconds).ToList();
        var matched = TimeMatcher.CountMatches(predictedSeconds, trueSeconds, BoundaryToleranceSeconds);
        var withinTolerance = new MatchCounts(matched, predictedSeconds.Count - matched, trueSeconds.Count - matched);
        var meanIoU = SceneOverlap.SymmetricMeanIoU(TrueScenes(trueSeconds, result), scenes.Select(s => new SecondsInterval(s.StartSeconds, s.EndSeconds)).ToList());

        var slotsOnBoundary = result.AdSlots.Count(slot => trueSeconds.Any(t => Math.Abs(slot.Seconds - t) <= AdSlotToleranceSeconds));
        return new SceneClipEvaluation(
            name,
            shots.Count,
            trueStarts.Count,
            unmatched,
            labels,
            AveragePrecision.Compute(labels, unmatched),
            atThreshold,
            withinTolerance,
            meanIoU,
            new AdSlotHits(result.AdSlots.Count, slotsOnBoundary),
            inSceneFalseAlarms);
    }

    /// <summary>Pools clips: AP over all shot boundaries together, counts summed (micro), mIoU averaged over clips.</summary>
    public static SceneEvaluationSummary Summarize(IReadOnlyList<SceneClipEvaluation> clips)
    {
        ArgumentNullException.ThrowIfNull(clips);
        var ious = clips.Where(c => c.MeanIoU is not null).Select(c => c.MeanIoU!.Value).ToList();
        return new SceneEvaluationSummary(
            clips.Count,
            AveragePrecision.Compute(clips.SelectMany(c => c.Labels).ToList(), clips.Sum(c => c.UnmatchedSceneStarts)),
            clips.Aggregate(default(MatchCounts), (sum, c) => sum + c.AtThreshold),
            clips.Aggregate(default(MatchCounts), (sum, c) => sum + c.WithinTolerance),
            ious.Count == 0 ? null : ious.Average(),
            clips.Aggregate(default(AdSlotHits), (sum, c) => sum + c.AdSlots),
            clips.Sum(c => c.InSceneFalseAlarms));
    }

    /// <summary>
    /// Detects every clip whose truth file in <paramref name="truthDirectory"/> has <c>scene_starts</c> and scores it
    /// with the document's <see cref="ResultDocument.SceneBoundaryProbabilities"/>; files without scene truth are listed
    /// as skipped.
    /// </summary>
    /// <param name="truthDirectory">Folder of <c>*.truth.json</c>.</param>
    /// <param name="clipsRoot">Folder the truth files' <c>video</c> paths are relative to (default: the truth folder's parent).</param>
    /// <param name="options">Pipeline options of the run.</param>
    /// <param name="cancellationToken">Stops between and inside clips.</param>
    /// <exception cref="InvalidDataException">A document has shots but no scene-boundary probabilities (the scene model did not run).</exception>
    public static async Task<SceneEvaluationReport> EvaluateAsync(string truthDirectory, string? clipsRoot, PipelineOptions options, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(truthDirectory))
        {
            throw new DirectoryNotFoundException($"{truthDirectory}: truth folder not found");
        }

        var root = clipsRoot ?? Path.GetDirectoryName(Path.GetFullPath(truthDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        var clips = new List<SceneClipEvaluation>();
        var skipped = new List<string>();
        foreach (var file in Directory.EnumerateFiles(truthDirectory, "*.truth.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file)[..^".truth.json".Length];
            var truth = TruthFile.Load(file);
            if (!truth.HasSceneTruth)
            {
                skipped.Add(name);
                continue;
            }

            var video = ShotEvaluator.ResolveVideo(root, truth.Video);
            var result = await ScenePipeline.RunAsync(video, options, progress: null, cancellationToken).ConfigureAwait(false);
            if (result.Shots.Count > 0 && result.SceneBoundaryProbabilities.Count == 0)
            {
                throw new InvalidDataException($"{video}: the result has no sceneBoundaryProbabilities; the scene model did not run, so scenes cannot be scored.");
            }

            clips.Add(Score(name, truth, result, result.SceneBoundaryProbabilities));
        }

        return new SceneEvaluationReport(clips, skipped, Summarize(clips));
    }

    // Nearest pairs first, one-to-one: each time takes the closest still-free shot i ≥ 1 within the tolerance.
    private static HashSet<int> MapToShots(IReadOnlyList<double> seconds, IReadOnlyList<ShotEntry> shots, IReadOnlySet<int> taken)
    {
        var pairs = new List<(double Distance, int Time, int Shot)>();
        for (var t = 0; t < seconds.Count; t++)
        {
            for (var i = 1; i < shots.Count; i++)
            {
                var distance = Math.Abs(shots[i].StartSeconds - seconds[t]);
                if (distance <= ShotToleranceSeconds && !taken.Contains(i))
                {
                    pairs.Add((distance, t, i));
                }
            }
        }

        var usedTimes = new HashSet<int>();
        var mapped = new HashSet<int>();
        foreach (var (_, time, shot) in pairs.OrderBy(p => p.Distance).ThenBy(p => p.Shot))
        {
            if (!usedTimes.Contains(time) && mapped.Add(shot))
            {
                usedTimes.Add(time);
            }
        }

        return mapped;
    }

    // True scenes as time spans: from the video's first frame, split at every true start, to the end of its last frame.
    private static List<SecondsInterval> TrueScenes(IReadOnlyList<double> trueSeconds, ResultDocument result)
    {
        var shots = result.Shots;
        if (shots.Count == 0)
        {
            return [];
        }

        var edges = new List<double> { shots[0].StartSeconds };
        edges.AddRange(trueSeconds.Where(t => t > shots[0].StartSeconds && t < shots[^1].EndSeconds));
        edges.Add(shots[^1].EndSeconds);
        return edges.Zip(edges.Skip(1), (start, end) => new SecondsInterval(start, end)).ToList();
    }
}
