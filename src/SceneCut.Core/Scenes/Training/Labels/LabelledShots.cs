namespace SceneCut.Scenes.Training.Labels;

/// <summary>A labelled video's detected shots and, per shot, 1 where a labelled scene starts.</summary>
/// <param name="Video">The video's file name.</param>
/// <param name="Shots">The shots as the scene model reads them.</param>
/// <param name="Labels">One label per shot (the first is always 0).</param>
/// <param name="UnmatchedStarts">Labelled scene starts with no detected shot start near them (not trained on).</param>
public sealed record LabelledShots(string Video, IReadOnlyList<ShotSummary> Shots, float[] Labels, int UnmatchedStarts)
{
    /// <summary>Analyses the labelled video (shots and embeddings, cached by <paramref name="indexer"/>) and labels its shots.</summary>
    public static LabelledShots Analyse(LabelledVideo labels, FootageIndexer indexer, double toleranceSeconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(indexer);
        if (!File.Exists(labels.VideoPath))
        {
            throw new FileNotFoundException($"{labels.LabelFile}: labelled video {labels.VideoPath} not found", labels.VideoPath);
        }

        var footage = indexer.Index(labels.VideoPath, cancellationToken);
        // Only timecodes need the frame rate; the container's header gives it without decoding.
        var fps = 0.0;
        if (labels.SceneStarts.Any(t => t.Timecode is not null))
        {
            using var source = SceneCut.Video.OpenCvFrameSource.Open(labels.VideoPath);
            fps = source.Info.Fps > 0 ? source.Info.Fps : SceneCut.Shots.ShotDetectionDefaults.FallbackFps;
        }

        return Of(footage, labels, fps, toleranceSeconds);
    }

    /// <summary>
    /// Labels <paramref name="footage"/>'s shots with <paramref name="labels"/>: each labelled start marks the shot
    /// i ≥ 1 starting nearest it within <paramref name="toleranceSeconds"/>, one shot per start; every other shot is
    /// inside a scene (the list is taken as complete).
    /// </summary>
    public static LabelledShots Of(FootageIndex footage, LabelledVideo labels, double fps, double toleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(footage);
        ArgumentNullException.ThrowIfNull(labels);
        var shots = footage.Summaries();
        var marks = new float[shots.Count];
        var unmatched = 0;
        foreach (var start in labels.SceneStarts.Select(t => t.ToSeconds(fps)))
        {
            var nearest = Enumerable.Range(1, Math.Max(0, shots.Count - 1))
                .Where(i => marks[i] == 0 && Math.Abs(shots[i].StartSeconds - start) <= toleranceSeconds)
                .OrderBy(i => Math.Abs(shots[i].StartSeconds - start))
                .FirstOrDefault();
            if (nearest > 0)
            {
                marks[nearest] = 1;
            }
            else
            {
                unmatched++;
            }
        }

        return new LabelledShots(footage.Source, shots, marks, unmatched);
    }
}
