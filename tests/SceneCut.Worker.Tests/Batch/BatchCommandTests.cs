using System.CommandLine;
using System.Text.Json;
using SceneCut.Cli.Commands;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Batch;

/// <summary><c>scenecut batch</c> in-process: real files, real ledger, the same runner as the worker.</summary>
public sealed class BatchCommandTests
{
    [Fact]
    public async Task Batch_RunTwice_ResumesSkipsDoneAndExitsNonZeroWhileAFileFailed()
    {
        using var folder = new TempFolder();
        var input = folder.Sub("archive");
        var output = Path.Combine(folder.Path, "results");
        Directory.CreateDirectory(Path.Combine(input, "day2"));
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(input, "a.mp4"), "a");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(input, "day2", "b.mp4"), "b");
        File.Copy(Path.Combine(input, "a.mp4"), Path.Combine(input, "day2", "a-copy.mp4"));
        await File.WriteAllTextAsync(Path.Combine(input, "broken.mp4"), "not a video");

        var first = await RunAsync("batch", input, "--out", output, "--parallel", "2");

        Assert.Equal(11, first);
        Assert.True(File.Exists(Path.Combine(output, "a.mp4.scenecut.json")));
        Assert.True(File.Exists(Path.Combine(output, "day2", "b.mp4.scenecut.json")));
        Assert.True(File.Exists(Path.Combine(output, "day2", "a-copy.mp4.scenecut.json")));
        Assert.True(File.Exists(Path.Combine(output, "broken.mp4.scenecut.error.json")));
        Assert.Equal((2, 1, 1, 0), Counts(output));

        var second = await RunAsync("batch", input, "--out", output, "--parallel", "2");

        Assert.Equal(11, second);
        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "scenecut-batch-summary.json"))).RootElement;
        Assert.Equal(3, summary.GetProperty("counts").GetProperty("Skipped").GetInt32());
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
        Assert.Equal(3, LedgerReader.Jobs(Path.Combine(output, ".scenecut-ledger.db")).Count);
    }

    [Fact]
    public async Task Batch_GlobOfGoodFiles_ExitsZeroWithALedgerWhereAsked()
    {
        using var folder = new TempFolder();
        var input = folder.Sub("in");
        var output = Path.Combine(folder.Path, "out");
        var ledger = Path.Combine(folder.Path, "state", "ledger.db");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(input, "x.mp4"), "x");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(input, "y.mp4"), "y");
        await File.WriteAllTextAsync(Path.Combine(input, "notes.txt"), "ignored: not matched by the glob");

        var exit = await RunAsync("batch", Path.Combine(input, "*.mp4"), "--out", output, "--ledger", ledger);

        Assert.Equal(0, exit);
        Assert.Equal(2, LedgerReader.Jobs(ledger).Count(j => j.State == "Done"));
        Assert.Equal(2, Directory.GetFiles(output, "*.scenecut.json").Length);
    }

    private static async Task<int> RunAsync(params string[] args)
    {
        // These tests are about resume and outcomes, not scenes: shots only, so they need no trained scene model.
        var settings = Path.Combine(Path.GetTempPath(), $"scenecut-batch-test-{Environment.ProcessId}.json");
        await File.WriteAllTextAsync(settings, """{ "SceneCut": { "Scenes": { "Enabled": false } } }""");
        var config = new Option<FileInfo?>("--config") { Recursive = true };
        var root = new RootCommand("test") { config, BatchCommand.Create(config) };
        return await root.Parse([.. args, "--config", settings]).InvokeAsync();
    }

    private static (int Analysed, int Duplicate, int Quarantined, int Skipped) Counts(string output)
    {
        var counts = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "scenecut-batch-summary.json"))).RootElement.GetProperty("counts");
        return (counts.GetProperty("Analysed").GetInt32(), counts.GetProperty("Duplicate").GetInt32(), counts.GetProperty("Quarantined").GetInt32(), counts.GetProperty("Skipped").GetInt32());
    }
}
