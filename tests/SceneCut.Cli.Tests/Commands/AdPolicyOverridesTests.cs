using System.CommandLine;
using SceneCut.Cli.Commands;
using SceneCut.Pipeline;

namespace SceneCut.Cli.Tests.Commands;

public sealed class AdPolicyOverridesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scenecut-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Apply_GivenValues_OverrideThePolicyForOneRun()
    {
        var overrides = new AdPolicyOverrides();
        var command = new Command("detect");
        overrides.AddTo(command);

        var options = overrides.Apply(command.Parse("--min-slot-gap 60 --slot-margin 30 --min-slot-score 0.7"), new PipelineOptions());

        Assert.Equal(60, options.AdPolicy.MinGapSeconds);
        Assert.Equal(30, options.AdPolicy.MarginSeconds);
        Assert.Equal(0.7, options.AdPolicy.MinScore);
        Assert.Equal(8, options.AdPolicy.MaxSlotsPerHour);
    }

    [Fact]
    public void Apply_NothingGiven_KeepsTheConfiguredPolicy()
    {
        var overrides = new AdPolicyOverrides();
        var command = new Command("detect");
        overrides.AddTo(command);
        var configured = new PipelineOptions();
        configured.AdPolicy.MinGapSeconds = 600;

        var options = overrides.Apply(command.Parse(string.Empty), configured);

        Assert.Equal(600, options.AdPolicy.MinGapSeconds);
        Assert.Equal(120, options.AdPolicy.MarginSeconds);
        Assert.Equal(SceneCut.AdSlots.AdPolicyDefaults.MinScore, options.AdPolicy.MinScore);
    }

    [Fact]
    public async Task Detect_MinSlotScoreOutOfRange_ExitCode10NamesTheSetting()
    {
        var (code, _, error) = await CliRunner.RunAsync("detect", "samples/demo/demo.mp4", "--min-slot-score", "2");

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("MinScore", error);
    }

    [Fact]
    public async Task EvalScenes_TruthWithoutSceneStarts_ListsItAsSkipped()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "shots-only.truth.json"), """{ "video": "clips/none.mp4", "fps": 25, "cuts": [10] }""");

        var (code, output, _) = await CliRunner.RunAsync("eval", "--scenes", "--truth", _folder);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("skipped (no scene_starts): shots-only", output);
        Assert.Contains("nothing to score", output);
    }
}
