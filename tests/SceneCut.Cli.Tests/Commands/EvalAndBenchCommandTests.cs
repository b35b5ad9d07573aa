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
        var (code, output, error) = await CliRunner.RunAsync("bench", "samples/demo/demo.mp4", "--repeat", "1");

        Assert.True(code == ExitCodes.Ok, error);
        var last = output.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("ratio ", last);
        Assert.InRange(double.Parse(last["ratio ".Length..], CultureInfo.InvariantCulture), 0.01, 100);
    }
}
