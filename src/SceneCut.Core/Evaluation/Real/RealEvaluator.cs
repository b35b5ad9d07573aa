using System.Text.Json;
using SceneCut.Pipeline;
using SceneCut.Results;

namespace SceneCut.Evaluation.Real;

/// <summary>
/// Runs detection over every real-video truth file of a folder (<see cref="RealTruth"/>) and scores it with
/// <see cref="RealScorer"/>; also scores "every detected shot boundary is a scene" from the same run, and a peer's
/// predictions when given (a JSON list of cut frames per video, as <c>shared/peers/run-pyscenedetect.sh</c> writes).
/// </summary>
public static class RealEvaluator
{
    /// <summary>Detects and scores every video; <paramref name="resultFolder"/>, when given, receives each result document as <c>NAME.json</c>.</summary>
    public static async Task<IReadOnlyList<RealEvaluation>> EvaluateAsync(
        string truthFolder,
        PipelineOptions options,
        string? peerFolder,
        string? resultFolder,
        IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(truthFolder))
        {
            throw new DirectoryNotFoundException($"{truthFolder}: truth folder not found");
        }

        var evaluations = new List<RealEvaluation>();
        foreach (var truth in RealTruth.LoadFolder(truthFolder))
        {
            var result = await ScenePipeline.RunAsync(truth.VideoPath, options, progress: null, cancellationToken).ConfigureAwait(false);
            if (resultFolder is not null)
            {
                Directory.CreateDirectory(resultFolder);
                await File.WriteAllTextAsync(Path.Combine(resultFolder, truth.Name + ".json"), ResultJson.Serialize(result), cancellationToken).ConfigureAwait(false);
            }

            evaluations.Add(Score(truth, result, peerFolder is null ? null : ReadPeer(Path.Combine(peerFolder, truth.Name + ".json"))));
            progress?.Report(truth.Name);
        }

        return evaluations;
    }

    /// <summary>Scores one result (and a peer's cut list, when given) against its truth.</summary>
    public static RealEvaluation Score(RealTruth truth, ResultDocument result, IReadOnlyList<int>? peerCuts)
    {
        var transitions = result.Shots.Where(s => s.TransitionIn is not null).Select(s => (s.TransitionIn!.StartFrame, s.TransitionIn.EndFrame)).ToList();
        var scenes = result.Scenes.Skip(1).Select(s => s.StartFrame).ToList();
        var detected = RealScorer.Score(truth, transitions, scenes);
        var everyShot = RealScorer.Score(truth, transitions, transitions.Select(t => t.StartFrame).ToList());
        var peer = peerCuts is null ? null : RealScorer.Score(truth, peerCuts.Select(f => (f, f)).ToList(), peerCuts);
        return new RealEvaluation(truth, detected, everyShot.Scenes, peer);
    }

    /// <summary>A peer's prediction file: a JSON list of the frames where it starts a new shot; null when absent.</summary>
    /// <exception cref="InvalidDataException">The file is not such a list.</exception>
    public static IReadOnlyList<int>? ReadPeer(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<int[]>(File.ReadAllText(path)) ?? throw new JsonException("empty document");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: a peer's predictions are a JSON list of frame numbers ({ex.Message})", ex);
        }
    }
}
