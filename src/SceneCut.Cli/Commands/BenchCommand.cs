using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using SceneCut.Embeddings;
using SceneCut.Pipeline;
using SceneCut.Video;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut bench &lt;video&gt;</c>: decode-only speed and detect speed of the same file in the same run, and peak
/// memory. Each is measured <c>--repeat</c> times, alternating, and the best run kept, so a warm file cache or a busy
/// neighbour favours neither. The last line is <c>ratio &lt;detect fps / decode-only fps&gt;</c>.
/// </summary>
public static class BenchCommand
{
    public static Command Create(Option<FileInfo?> configOption)
    {
        var video = new Argument<string>("video") { Description = "The video file to measure." };
        var repeat = new Option<int>("--repeat") { Description = "Runs of each measurement; the best is kept.", DefaultValueFactory = _ => 2 };
        var command = new Command("bench", "Measure detect speed against decode-only speed of the same file.") { video, repeat };

        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            async () =>
            {
                var options = SettingsLoader.Load(parse.GetValue(configOption));
                var path = parse.GetRequiredValue(video);
                var runs = Math.Max(1, parse.GetValue(repeat));
                var c = CultureInfo.InvariantCulture;
                var output = System.Console.Out;

                Measurement? decode = null, grab = null, detect = null;
                for (var run = 0; run < runs; run++)
                {
                    decode = Best(decode, MeasureDecode(path, grabOnly: false, cancellationToken));
                    grab = Best(grab, MeasureDecode(path, grabOnly: true, cancellationToken));
                    detect = Best(detect, await MeasureDetectAsync(path, options, cancellationToken).ConfigureAwait(false));
                }

                using (var source = OpenCvFrameSource.Open(path))
                {
                    var info = source.Info;
                    output.WriteLine(string.Create(c, $"file      {path} ({info.Width}x{info.Height}, {info.Codec}, {info.Fps:0.###} fps)"));
                }

                output.WriteLine(string.Create(c, $"decode    opencv read (decode + BGR)   {decode!.Frames,7} frames {decode.Seconds,7:0.000} s {decode.Fps,8:0.0} fps"));
                output.WriteLine(string.Create(c, $"decode    opencv grab (decode only)    {grab!.Frames,7} frames {grab.Seconds,7:0.000} s {grab.Fps,8:0.0} fps"));
                output.WriteLine(string.Create(c, $"detect    shots + black segments       {detect!.Frames,7} frames {detect.Seconds,7:0.000} s {detect.Fps,8:0.0} fps"));
                output.WriteLine(string.Create(c, $"memory    peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0):0} MiB"));
                // Embedding speed (docs/embeddings.md): one frame per ONNX Runtime call against the configured batch, after
                // the memory line so the model's weights do not count towards detect's peak.
                var (single, batched) = EmbeddingBenchmark.Measure(path, EmbeddingSettings.Load(parse.GetValue(configOption)), runs, cancellationToken);
                foreach (var (label, speed) in new[] { ("single (batch 1)", single), ($"batched (batch {batched.BatchSize})", batched) })
                {
                    output.WriteLine(string.Create(c, $"embed     {label,-28} {speed.Frames,7} frames {speed.MillisecondsPerFrame,7:0.0} ms/frame {speed.FramesPerSecond,6:0.0} fps (cpu {speed.CpuMillisecondsPerFrame:0.0} ms/frame)"));
                }

                output.WriteLine(string.Create(c, $"ratio vs grab {detect.Fps / grab.Fps:0.00}"));
                // The contract line, last: detect speed over the fastest decode that yields pictures we can analyse.
                output.WriteLine(string.Create(c, $"ratio {detect.Fps / decode.Fps:0.00}"));
                return ExitCodes.Ok;
            },
            System.Console.Error));
        return command;
    }

    private static Measurement MeasureDecode(string path, bool grabOnly, CancellationToken cancellationToken)
    {
        using var source = OpenCvFrameSource.Open(path);
        var stopwatch = Stopwatch.StartNew();
        var frames = grabOnly ? source.GrabAll(cancellationToken) : source.ReadFrames(cancellationToken).Count();
        return new Measurement(frames, stopwatch.Elapsed.TotalSeconds);
    }

    private static async Task<Measurement> MeasureDetectAsync(string path, PipelineOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await ScenePipeline.RunAsync(path, options, progress: null, cancellationToken).ConfigureAwait(false);
        return new Measurement(result.Video.FrameCount, stopwatch.Elapsed.TotalSeconds);
    }

    private static Measurement Best(Measurement? current, Measurement candidate) =>
        current is null || candidate.Fps > current.Fps ? candidate : current;

    private sealed record Measurement(int Frames, double Seconds)
    {
        public double Fps => Frames / Seconds;
    }
}
