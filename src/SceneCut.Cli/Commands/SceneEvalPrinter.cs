using System.Globalization;
using SceneCut.Evaluation;
using SceneCut.Pipeline;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut eval --scenes</c>: detects every clip with scene truth and prints AP and F1 at 0.5 over shot boundaries,
/// F1 ±1 s, mIoU and ad-slot precision per clip and overall (definitions in <see cref="SceneEvaluator"/>).
/// </summary>
public static class SceneEvalPrinter
{
    /// <summary>Runs the evaluation and prints it; exit code 2 when the overall F1 ±1 s is below <paramref name="minF1"/>.</summary>
    public static async Task<int> RunAsync(string truthDirectory, string? clipsRoot, PipelineOptions options, double? minF1, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await SceneEvaluator.EvaluateAsync(truthDirectory, clipsRoot, options, cancellationToken).ConfigureAwait(false);
        Print(report, output);
        var belowThreshold = minF1 is { } min && (report.Clips.Count == 0 || report.Overall.WithinTolerance.F1 < min);
        return belowThreshold ? ExitCodes.BelowThreshold : ExitCodes.Ok;
    }

    /// <summary>Writes the per-clip table and the overall lines.</summary>
    public static void Print(SceneEvaluationReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"clip",-26} {"shots",5} {"starts",6} {"miss",4} {"AP",6} {"F1@.5",6} {"F1±1s",6} {"mIoU",6} {"slots",5} {"on",3} {"in-scene FA",11}"));
        foreach (var clip in report.Clips)
        {
            output.WriteLine(string.Create(c,
                $"{clip.Name,-26} {clip.Shots,5} {clip.TrueSceneStarts,6} {clip.UnmatchedSceneStarts,4} {Value(clip.AveragePrecision),6} {clip.AtThreshold.F1,6:0.000} " +
                $"{clip.WithinTolerance.F1,6:0.000} {Value(clip.MeanIoU),6} {clip.AdSlots.Slots,5} {clip.AdSlots.OnSceneBoundary,3} {clip.InSceneFalseAlarms,11}"));
        }

        if (report.SkippedClips.Count > 0)
        {
            output.WriteLine($"skipped (no scene_starts): {string.Join(", ", report.SkippedClips)}");
        }

        output.WriteLine();
        if (report.Clips.Count == 0)
        {
            output.WriteLine("No truth file has scene_starts: nothing to score.");
            return;
        }

        var o = report.Overall;
        output.WriteLine($"Over {o.Clips} clips (AP pooled over all shot boundaries; P/R/F1 micro-averaged; mIoU averaged per clip, both directions)");
        output.WriteLine(string.Create(c, $"  AP                  {Value(o.AveragePrecision)}"));
        output.WriteLine(string.Create(c, $"  F1 at 0.5 (shots)   {o.AtThreshold.F1:0.000}  P {o.AtThreshold.Precision:0.000}  R {o.AtThreshold.Recall:0.000}  (TP {o.AtThreshold.TruePositives}, FP {o.AtThreshold.FalsePositives}, FN {o.AtThreshold.FalseNegatives})"));
        output.WriteLine(string.Create(c, $"  F1 ±1 s             {o.WithinTolerance.F1:0.000}  P {o.WithinTolerance.Precision:0.000}  R {o.WithinTolerance.Recall:0.000}  (TP {o.WithinTolerance.TruePositives}, FP {o.WithinTolerance.FalsePositives}, FN {o.WithinTolerance.FalseNegatives})"));
        output.WriteLine(string.Create(c, $"  mIoU                {Value(o.MeanIoU)}"));
        output.WriteLine(string.Create(c, $"  ad-slot precision   {Value(o.AdSlots.Precision)}  ({o.AdSlots.OnSceneBoundary} of {o.AdSlots.Slots} slots within ±0.5 s of a true scene start)"));
        output.WriteLine(string.Create(c, $"  in-scene false alarms {o.InSceneFalseAlarms} (not_scene_boundaries called scene starts)"));
    }

    private static string Value(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
}
