using SceneCut.Pipeline;
using SceneCut.Results;

namespace SceneCut.Evaluation;

/// <summary>Runs detection over every <c>*.truth.json</c> in a folder and scores it.</summary>
public static class ShotEvaluator
{
    /// <summary>Tolerances reported, in frames.</summary>
    public static readonly IReadOnlyList<int> Tolerances = [0, 1, 2];

    /// <summary>Scores one result against one truth at every tolerance.</summary>
    public static ClipEvaluation Score(string name, TruthFile truth, ResultDocument result)
    {
        var expected = truth.Boundaries();
        var predicted = PredictedBoundaries.From(result);
        var byTolerance = Tolerances.Select(k => BoundaryMatcher.Match(expected, predicted, k, truth.Ambiguous.ToArray(), truth.Distractors.ToArray())).ToList();
        return new ClipEvaluation(name, byTolerance, predicted, expected);
    }

    /// <summary>Detects and scores every truth file in <paramref name="truthDirectory"/>.</summary>
    /// <param name="truthDirectory">Folder of <c>*.truth.json</c>.</param>
    /// <param name="clipsRoot">Folder the truth files' <c>video</c> paths are relative to (default: the truth folder's parent).</param>
    public static async Task<IReadOnlyList<ClipEvaluation>> EvaluateAsync(
        string truthDirectory,
        string? clipsRoot,
        PipelineOptions options,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(truthDirectory))
        {
            throw new DirectoryNotFoundException($"{truthDirectory}: truth folder not found");
        }

        var root = clipsRoot ?? Path.GetDirectoryName(Path.GetFullPath(truthDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".";
        var results = new List<ClipEvaluation>();
        foreach (var file in Directory.EnumerateFiles(truthDirectory, "*.truth.json").Order(StringComparer.Ordinal))
        {
            var truth = TruthFile.Load(file);
            var video = ResolveVideo(root, truth.Video);
            var result = await ScenePipeline.RunAsync(video, options, progress: null, cancellationToken).ConfigureAwait(false);
            results.Add(Score(Path.GetFileName(file)[..^".truth.json".Length], truth, result));
        }

        return results;
    }

    // Truth files name clips as "clips/x.mp4"; --clips may point at the clips folder itself or at its parent.
    internal static string ResolveVideo(string root, string video)
    {
        var direct = Path.Combine(root, video);
        return File.Exists(direct) ? direct : Path.Combine(root, Path.GetFileName(video));
    }
}
