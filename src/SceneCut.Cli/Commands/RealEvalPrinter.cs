using System.Globalization;
using SceneCut.Evaluation;
using SceneCut.Evaluation.Real;
using SceneCut.Pipeline;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut eval --truth &lt;real-video truth folder&gt;</c>: per video and micro-averaged, shots at k = 2 (cuts and
/// gradual transitions apart) and scenes at ±1 s, by the rules of <c>shared/tools/score_real.py</c>, with "every
/// detected shot boundary is a scene" and a peer (<c>--peer</c>) in the same table.
/// </summary>
internal static class RealEvalPrinter
{
    /// <summary>True when the folder's truth files are real-video truth (<see cref="RealTruth"/>) rather than the dev clips' format.</summary>
    public static bool IsRealTruthFolder(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*" + RealTruth.Suffix).FirstOrDefault() is { } first && RealTruth.IsRealTruth(first);

    public static async Task<int> RunAsync(string truthFolder, PipelineOptions options, string? peerFolder, string? resultFolder, double? minF1, TextWriter output, CancellationToken cancellationToken)
    {
        var evaluations = await RealEvaluator.EvaluateAsync(truthFolder, options, peerFolder, resultFolder, null, cancellationToken).ConfigureAwait(false);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"video",-28} {"shots TP/FP/FN",15} {"F1@2",6} {"scenes TP/FP/FN",16} {"F1",6} {"every shot",10}{(peerFolder is null ? "" : $" {"peer F1@2",9} {"peer scenes",11}")}"));
        foreach (var e in evaluations)
        {
            var peer = e.Peer is { } p ? string.Create(c, $" {p.Shots.F1,9:0.000} {p.Scenes.F1,11:0.000}") : "";
            output.WriteLine(string.Create(c, $"{e.Truth.Name,-28} {Counts(e.Detected.Shots),15} {e.Detected.Shots.F1,6:0.000} {Counts(e.Detected.Scenes),16} {e.Detected.Scenes.F1,6:0.000} {e.EveryShotAsScene.F1,10:0.000}{peer}"));
        }

        output.WriteLine();
        var total = RealVideoScore.Sum("all", evaluations.Select(e => e.Detected));
        var everyShot = evaluations.Aggregate(default(MatchCounts), (sum, e) => sum + e.EveryShotAsScene);
        output.WriteLine($"Micro-average over {evaluations.Count} videos (shots at k = {RealScorer.ShotTolerance} frames, scenes at ±{RealScorer.SceneToleranceSeconds.ToString(c)} s)");
        output.WriteLine(string.Create(c, $"{"",-34} {"P",6} {"R",6} {"F1",6}  {"cut R",6} {"grad R",6}"));
        Line(output, "SceneCut shots", total.Shots, total);
        Line(output, "SceneCut scenes", total.Scenes, null);
        Line(output, "every detected shot is a scene", everyShot, null);
        var peers = evaluations.Where(e => e.Peer is not null).Select(e => e.Peer!).ToList();
        if (peers.Count > 0)
        {
            var peerTotal = RealVideoScore.Sum("peer", peers);
            Line(output, $"peer shots ({peers.Count} videos)", peerTotal.Shots, peerTotal);
            Line(output, $"peer cuts as scenes ({peers.Count} videos)", peerTotal.Scenes, null);
        }

        return minF1 is { } min && total.Shots.F1 < min ? ExitCodes.BelowThreshold : ExitCodes.Ok;
    }

    private static void Line(TextWriter output, string label, MatchCounts m, RealVideoScore? recalls)
    {
        var tail = recalls is null ? "" : string.Create(CultureInfo.InvariantCulture, $"  {recalls.CutRecall,6:0.000} {recalls.GradualRecall,6:0.000}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label,-34} {m.Precision,6:0.000} {m.Recall,6:0.000} {m.F1,6:0.000}{tail}"));
    }

    private static string Counts(MatchCounts m) => $"{m.TruePositives}/{m.FalsePositives}/{m.FalseNegatives}";
}
