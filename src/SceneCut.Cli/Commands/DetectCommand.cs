using System.CommandLine;
using SceneCut.Cli.Console;
using SceneCut.Pipeline;
using SceneCut.Results;

namespace SceneCut.Cli.Commands;

/// <summary><c>scenecut detect &lt;video&gt; [-o result.json]</c>: analyses one video and writes its result document.</summary>
public static class DetectCommand
{
    public static Command Create(Option<FileInfo?> configOption)
    {
        var video = new Argument<string>("video") { Description = "The video file to analyse." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the result document here (default: stdout)." };
        var command = new Command("detect", "Find the shots (cuts, fades, dissolves) and black segments of one video.")
        {
            video,
            output,
        };

        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            async () =>
            {
                var options = SettingsLoader.Load(parse.GetValue(configOption));
                var path = parse.GetRequiredValue(video);
                ResultDocument result;
                using (var bar = ProgressBar.ForTerminal(Path.GetFileName(path)))
                {
                    result = await ScenePipeline.RunAsync(path, options, bar, cancellationToken).ConfigureAwait(false);
                }

                foreach (var warning in result.Processing.Warnings)
                {
                    await System.Console.Error.WriteLineAsync($"scenecut: warning: {path}: {warning}").ConfigureAwait(false);
                }

                var json = ResultJson.Serialize(result);
                if (parse.GetValue(output) is { } outputPath)
                {
                    await AtomicFile.WriteAllTextAsync(outputPath, json + "\n", cancellationToken).ConfigureAwait(false);
                    await System.Console.Error.WriteLineAsync(
                        $"{path}: {result.Shots.Count} shots, {result.BlackSegments.Count} black segments, " +
                        $"{result.Video.FrameCount} frames in {result.Processing.ElapsedSeconds:0.00} s -> {outputPath}").ConfigureAwait(false);
                }
                else
                {
                    await System.Console.Out.WriteLineAsync(json).ConfigureAwait(false);
                }

                return ExitCodes.Ok;
            },
            System.Console.Error));
        return command;
    }
}
