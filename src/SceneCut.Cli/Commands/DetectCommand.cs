using System.CommandLine;
using SceneCut.Cli.Console;
using SceneCut.Output;
using SceneCut.Pipeline;
using SceneCut.Results;

namespace SceneCut.Cli.Commands;

/// <summary><c>scenecut detect &lt;video&gt; [-o result.json] [--format json,csv,…] [--out-dir dir] [--hls playlist.m3u8]</c>: analyses one video and writes its result in each format.</summary>
public static class DetectCommand
{
    public static Command Create(Option<FileInfo?> configOption)
    {
        var video = new Argument<string>("video") { Description = "The video file to analyse." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the result document here (default: stdout); other formats go beside it with the same base name." };
        var formats = new Option<string?>("--format", "-f")
        {
            Description = $"Comma list of formats: {string.Join(",", ResultWriterRegistry.Default.Formats)} (default: SceneCut:Output:Formats, else json). Formats other than json need -o or --out-dir.",
        };
        var outDir = new Option<DirectoryInfo?>("--out-dir") { Description = "Write every format into this folder, named after the video." };
        var hls = new Option<FileInfo?>("--hls")
        {
            Description = "Also write a conditioned copy of this VOD media playlist (format hls): SCTE-35 EXT-X-DATERANGE and EXT-X-CUE-OUT/IN at each ad slot's segment boundary.",
        };
        var slotPolicy = new AdPolicyOverrides();
        var decoder = DecoderOption.Create();
        var command = new Command("detect", "Find the shots (cuts, fades, dissolves) and black segments of one video.")
        {
            video,
            output,
            formats,
            outDir,
            hls,
            decoder,
        };

        slotPolicy.AddTo(command);

        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            async () =>
            {
                var options = DecoderOption.Apply(parse, decoder, SettingsLoader.Load(parse.GetValue(configOption)));
                slotPolicy.Apply(parse, options);
                var path = parse.GetRequiredValue(video);
                // Formats and destinations are checked before the analysis, so a typo costs nothing.
                var plan = OutputPlan.Create(SettingsLoader.LoadSection<SceneCut.Output.OutputOptions>(parse.GetValue(configOption), "Output"), parse.GetValue(formats), parse.GetValue(output), parse.GetValue(outDir), path, parse.GetValue(hls));
                ResultDocument result;
                using (var bar = ProgressBar.ForTerminal(Path.GetFileName(path)))
                {
                    result = await ScenePipeline.RunAsync(path, options, bar, cancellationToken).ConfigureAwait(false);
                }

                foreach (var warning in result.Processing.Warnings)
                {
                    await System.Console.Error.WriteLineAsync($"scenecut: warning: {path}: {warning}").ConfigureAwait(false);
                }

                if (plan.ToStandardOutput)
                {
                    // The JSON format ends with its newline.
                    await System.Console.Out.WriteAsync(await plan.RenderJsonAsync(result, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
                }
                else
                {
                    var written = await plan.WriteAsync(result, cancellationToken).ConfigureAwait(false);
                    await System.Console.Error.WriteLineAsync(
                        $"{path}: {result.Shots.Count} shots, {result.BlackSegments.Count} black segments, " +
                        $"{result.Video.FrameCount} frames in {result.Processing.ElapsedSeconds:0.00} s -> {string.Join(", ", written)}").ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            },
            System.Console.Error));
        return command;
    }
}
