using System.Globalization;

namespace SceneCut.Cli.Tests.Commands;

public sealed class EvalAndBenchCommandTests
{
    [Fact]
    public async Task Eval_SampleTruth_PrintsMicroAverageAndPassesThreshold()
    {
        var (code, output, error) = await CliRunner.RunAsync("eval", "--truth", "samples/demo/truth", "--min-f1", "0.99");

        Assert.True(code == ExitCodes.Ok, error + output);
        Assert.Contains("Micro-average over 1 clips", output);
        var k2 = output.Split('\n').Last(l => l.TrimStart().StartsWith("2 ", StringComparison.Ordinal));
        Assert.Equal(1.0, double.Parse(k2.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Eval_ImpossibleThreshold_ExitCode2()
    {
        var (code, _, _) = await CliRunner.RunAsync("eval", "--truth", "samples/demo/truth", "--min-f1", "1.01");

        Assert.Equal(ExitCodes.BelowThreshold, code);
    }

    [Fact]
    public async Task Bench_Sample_LastLineIsTheRatio()
    {
        var (code, output, error) = await CliRunner.RunAsync("bench", "samples/demo/demo.mp4", "--repeat", "2");

        Assert.True(code == ExitCodes.Ok, error);
        var lines = output.TrimEnd().Split('\n');
        Assert.StartsWith("ratio ", lines[^1]);
        Assert.InRange(double.Parse(lines[^1]["ratio ".Length..], CultureInfo.InvariantCulture), 0.01, 100);
        // Each run's own ratio, and their median, just before the contract line.
        var runs = System.Text.RegularExpressions.Regex.Match(lines[^2], @"^runs +detect / fastest decode-only, per run: ([0-9.]+) ([0-9.]+) \(median ([0-9.]+)\)$");
        Assert.True(runs.Success, lines[^2]);
        var (first, second, median) = (Parse(runs.Groups[1].Value), Parse(runs.Groups[2].Value), Parse(runs.Groups[3].Value));
        Assert.Equal((first + second) / 2, median, 0.011);
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
