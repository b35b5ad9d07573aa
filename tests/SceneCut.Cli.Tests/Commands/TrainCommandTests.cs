using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SceneCut.Scenes;
using SceneCut.Video;

namespace SceneCut.Cli.Tests.Commands;

/// <summary><c>scenecut train --labels</c> end to end: a real spliced video, a label file, the fine-tuned model in <c>detect</c>.</summary>
public sealed class TrainCommandTests
{
    // Megamind.avi's dialogue cut at 4.13 s: the default model keeps the dialogue one scene; this user calls it a break.
    private const double DialogueCutSeconds = 4.13;

    [SharedDataFact]
    public async Task Labels_SplicedClips_FineTunedModelRaisesTheLabelledBoundary()
    {
        using var folder = new TempFolder();
        var video = folder.File("spliced.mp4");
        Splice(video, SharedData.Clip("Megamind.avi"), SharedData.Clip("chaplin.mp4"));
        var labels = folder.File("labels.csv");
        // The join (Megamind is 11.26 s) as a timecode at 25 fps, the dialogue cut in seconds, and a known in-scene cut.
        File.WriteAllLines(labels, ["video,time,kind", "spliced.mp4,00:00:11:06", $"spliced.mp4,{DialogueCutSeconds.ToString(CultureInfo.InvariantCulture)}", "spliced.mp4,6.46,not-scene"]);
        var tuned = folder.File("tuned.scm");

        var (code, output, error) = await CliRunner.RunAsync("train", "--labels", labels, "--out", tuned, "--cache", folder.Sub("cache"), "--onnx", folder.File("tuned.onnx"));

        Assert.True(code == 0, error);
        Assert.Contains("2 labelled scene starts on a shot, 0 with no shot start", error);
        Assert.True(new FileInfo(folder.File("tuned.onnx")).Length > 1000, output);
        // The file names the embeddings it was tuned on: the defaults here, as the shipped model's.
        var shipped = SceneModel.Load(Path.Combine(AppContext.BaseDirectory, SceneDefaults.ModelPath), SceneDefaults.WindowShots, SceneDefaults.OverlapShots);
        var trainedOn = SceneModel.Load(tuned, SceneDefaults.WindowShots, SceneDefaults.OverlapShots).TrainedOn;
        Assert.Equal(new EmbeddingProvenance(shipped.TrainedOn!.EmbedderId, "224×224"), trainedOn);
        var before = await ProbabilityNear(video, DialogueCutSeconds, modelPath: null, folder);
        var after = await ProbabilityNear(video, DialogueCutSeconds, tuned, folder);
        Assert.True(after >= 0.7 && after > before + 0.3, $"p at the labelled cut: {before:0.000} before, {after:0.000} after\n{output}");
    }

    [Theory]
    [InlineData("Give one of --from-footage <dir> (train on spliced episodes), --real <dir> (train on real videos with scene truth) or --labels <file|dir> (fine-tune).")]
    [InlineData("Give one of --from-footage", "--real", ".", "--labels", "labels.csv")]
    [InlineData("--photos, --compare-cells, --ensemble and --validation go with --from-footage", "--labels", "labels.csv", "--compare-cells")]
    [InlineData("--photos, --compare-cells, --ensemble and --validation go with --from-footage", "--labels", "labels.csv", "--ensemble", "3")]
    [InlineData("--ensemble must be 1 to 64, found 0", "--from-footage", ".", "--ensemble", "0")]
    [InlineData("--model (the model to start from) goes with --labels", "--from-footage", ".", "--model", "start.scm")]
    public async Task Train_OptionsThatDoNotGoTogether_SaysWhy(string message, params string[] arguments)
    {
        var (code, _, error) = await CliRunner.RunAsync(["train", "--out", "never.scm", .. arguments]);

        Assert.NotEqual(0, code);
        Assert.Contains(message, error);
    }

    // `scenecut detect` with the given model; the scene probability of the shot starting nearest `seconds`.
    private static async Task<double> ProbabilityNear(string video, double seconds, string? modelPath, TempFolder folder)
    {
        var arguments = new List<string> { "detect", video, "-o", folder.File("result.json") };
        if (modelPath is not null)
        {
            var config = folder.File("tuned.appsettings.json");
            await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { SceneCut = new { Scenes = new { ModelPath = modelPath } } }));
            arguments.AddRange(["--config", config]);
        }

        var (code, _, error) = await CliRunner.RunAsync([.. arguments]);
        Assert.True(code == 0, error);
        using var result = JsonDocument.Parse(await File.ReadAllTextAsync(folder.File("result.json")));
        var shots = result.RootElement.GetProperty("shots").EnumerateArray().Select(s => s.GetProperty("startSeconds").GetDouble()).ToList();
        var probabilities = result.RootElement.GetProperty("sceneBoundaryProbabilities").EnumerateArray().Select(p => p.GetDouble()).ToList();
        var nearest = Enumerable.Range(1, shots.Count - 1).MinBy(i => Math.Abs(shots[i] - seconds));
        Assert.True(Math.Abs(shots[nearest] - seconds) < 0.2, $"no shot starts near {seconds} s: {string.Join(", ", shots)}");
        return probabilities[nearest];
    }

    // Two clips joined by a cut, both scaled to 640×360 at 25 fps (H.264; the clips differ in size and rate).
    private static void Splice(string output, string first, string second)
    {
        var tools = FfmpegLocator.Locate(new DecodingOptions());
        var start = new ProcessStartInfo(tools.FfmpegPath) { RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-hide_banner", "-nostdin", "-v", "error", "-y", "-i", first, "-i", second, "-filter_complex",
            "[0:v]scale=640:360,setsar=1,fps=25,format=yuv420p[a];[1:v]scale=640:360,setsar=1,fps=25,format=yuv420p[b];[a][b]concat=n=2:v=1[v]",
            "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", output,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000) && process.ExitCode == 0, error);
    }
}
