using System.CommandLine;
using System.Globalization;
using SceneCut.Evaluation;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut eval --truth &lt;dir&gt; [--clips &lt;dir&gt;]</c>: detects every clip that has a truth file and prints
/// precision, recall and F1 at k = 0, 1, 2 frames, cuts and gradual transitions apart, micro-averaged. With
/// <c>--scenes</c> it scores scenes and ad slots instead (<see cref="SceneEvalPrinter"/>).
/// </summary>
public static class EvalCommand
{
    public static Command Create(Option<FileInfo?> configOption)
    {
        var truth = new Option<DirectoryInfo>("--truth") { Description = "Folder of *.truth.json files.", Required = true };
        var clips = new Option<DirectoryInfo?>("--clips") { Description = "Folder the truth files' video paths are relative to (default: the truth folder's parent)." };
        var minF1 = new Option<double?>("--min-f1") { Description = "Exit with code 2 when the overall F1 (shots: at k = 2; --scenes: ±1 s) is below this." };
        var scenes = new Option<bool>("--scenes") { Description = "Score scene boundaries and ad slots (truth files with scene_starts): AP, F1 at 0.5, F1 ±1 s, mIoU, ad-slot precision." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "List every predicted and true transition per clip." };
        var peer = new Option<DirectoryInfo?>("--peer") { Description = "Real-video truth: a folder of a peer's predictions (NAME.json, a list of cut frames) scored beside SceneCut." };
        var results = new Option<DirectoryInfo?>("--results") { Description = "Real-video truth: write every result document here as NAME.json (what shared/tools/score_real.py reads)." };
        var decoder = DecoderOption.Create();
        var command = new Command("eval", "Score shot detection against frame-accurate truth files (the dev clips' format, or real-video truth with transitions, ambiguous spans and scenes).") { truth, clips, minF1, verbose, decoder };

        command.Add(scenes);
        command.Add(peer);
        command.Add(results);

        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            async () =>
            {
                var options = DecoderOption.Apply(parse, decoder, SettingsLoader.Load(parse.GetValue(configOption)));
                var truthFolder = parse.GetRequiredValue(truth).FullName;
                if (RealEvalPrinter.IsRealTruthFolder(truthFolder))
                {
                    return await RealEvalPrinter.RunAsync(
                        truthFolder, options, parse.GetValue(peer)?.FullName, parse.GetValue(results)?.FullName, parse.GetValue(minF1), System.Console.Out, cancellationToken).ConfigureAwait(false);
                }

                if (parse.GetValue(scenes))
                {
                    return await SceneEvalPrinter.RunAsync(
                        parse.GetRequiredValue(truth).FullName, parse.GetValue(clips)?.FullName, options, parse.GetValue(minF1), System.Console.Out, cancellationToken).ConfigureAwait(false);
                }

                var evaluations = await ShotEvaluator.EvaluateAsync(
                    parse.GetRequiredValue(truth).FullName,
                    parse.GetValue(clips)?.FullName,
                    options,
                    cancellationToken).ConfigureAwait(false);

                var output = System.Console.Out;
                Print(evaluations, parse.GetValue(verbose), output);
                var overall = evaluations.Aggregate(BoundaryMatch.Empty, (sum, e) => sum + e.ByTolerance[^1]);
                return parse.GetValue(minF1) is { } min && overall.All.F1 < min ? ExitCodes.BelowThreshold : ExitCodes.Ok;
            },
            System.Console.Error));
        return command;
    }

    private static void Print(IReadOnlyList<ClipEvaluation> evaluations, bool verbose, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"clip",-26} {"k",2} {"TP",4} {"FP",4} {"FN",4} {"P",6} {"R",6} {"F1",6}  distractor hits"));
        foreach (var clip in evaluations)
        {
            for (var k = 0; k < clip.ByTolerance.Count; k++)
            {
                var m = clip.ByTolerance[k];
                output.WriteLine(string.Create(c, $"{clip.Name,-26} {k,2} {m.All.TruePositives,4} {m.All.FalsePositives,4} {m.All.FalseNegatives,4} {m.All.Precision,6:0.000} {m.All.Recall,6:0.000} {m.All.F1,6:0.000}  {m.DistractorHits}"));
            }

            if (verbose)
            {
                output.WriteLine($"  predicted: {Describe(clip.Predicted)}");
                output.WriteLine($"  truth:     {Describe(clip.Truth)}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Micro-average over {evaluations.Count} clips");
        output.WriteLine(string.Create(c, $"{"k",2}  {"all P",6} {"R",6} {"F1",6}   {"cut P",6} {"R",6} {"F1",6}   {"grad P",6} {"R",6} {"F1",6}  distractor hits"));
        for (var k = 0; k < ShotEvaluator.Tolerances.Count; k++)
        {
            var sum = evaluations.Aggregate(BoundaryMatch.Empty, (s, e) => s + e.ByTolerance[k]);
            output.WriteLine(string.Create(c,
                $"{k,2}  {sum.All.Precision,6:0.000} {sum.All.Recall,6:0.000} {sum.All.F1,6:0.000}   " +
                $"{sum.Cuts.Precision,6:0.000} {sum.Cuts.Recall,6:0.000} {sum.Cuts.F1,6:0.000}   " +
                $"{sum.Gradual.Precision,6:0.000} {sum.Gradual.Recall,6:0.000} {sum.Gradual.F1,6:0.000}  {sum.DistractorHits}"));
        }
    }

    private static string Describe(IReadOnlyList<BoundaryInterval> intervals) =>
        intervals.Count == 0
            ? "(none)"
            : string.Join(' ', intervals.Select(i => i.Category == BoundaryCategory.Cut ? $"{i.Start}" : $"[{i.Start}-{i.End}]"));
}
