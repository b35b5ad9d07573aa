using System.CommandLine;
using System.Text.Json;
using SceneCut.Cli.Commands;
using SceneCut.Worker.Tests.TestSupport;
using Xunit.Abstractions;

namespace SceneCut.Worker.Tests.Scale;

/// <summary><c>scenecut enqueue</c> in-process against the test PostgreSQL, and a worker process running what it queued.</summary>
[Collection("worker processes")]
public sealed class EnqueueCommandTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [PostgresFact]
    public async Task Enqueue_Twice_OneJobPerContentAndAWorkerRunsThem()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        using var archive = new TempFolder();
        var folder = archive.Sub("archive");
        Directory.CreateDirectory(Path.Combine(folder, "day2"));
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(folder, "a.mp4"), "a");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(folder, "b.mp4"), "b");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(folder, "day2", "c.mp4"), "c");
        var config = Path.Combine(archive.Path, "scale.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Scale = new { database.ConnectionString } }));

        var first = await RunAsync("enqueue", folder, "--config", config);
        var second = await RunAsync("enqueue", Path.Combine(folder, "**", "*.mp4"), "--config", config);
        output.WriteLine(first.Output + second.Output);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("3 file(s): 3 enqueued, 0 already claimed", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("3 file(s): 0 enqueued, 3 already claimed", second.Output, StringComparison.Ordinal);
        Assert.Equal(3, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job"));
        Assert.Equal(3, await database.ScalarAsync("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Enqueued'"));

        // A worker watching nothing of its own runs the queued jobs; results keep the path below the argument folder.
        using var worker = WorkerProcess.Start(ScaleOutTests.Args(setup, database, 0));
        await Wait.UntilAsync(() => database.Scalar("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'") == 3, Patience, "every claim done");
        Assert.True(File.Exists(setup.ResultFor("a.mp4")));
        Assert.True(File.Exists(setup.ResultFor("b.mp4")));
        Assert.True(File.Exists(setup.ResultFor(Path.Combine("day2", "c.mp4"))));
        Assert.Equal(3, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job"));
    }

    // No database: the command says which server and which setting, and exits 12.
    [Fact]
    public async Task Enqueue_DatabaseUnreachable_Exits12NamingTheServer()
    {
        using var archive = new TempFolder();
        var folder = archive.Sub("archive");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(folder, "a.mp4"), "a");
        var config = Path.Combine(archive.Path, "scale.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Scale = new { ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Database=none" } }));

        var run = await RunAsync("enqueue", folder, "--config", config, "--wait", "0");

        Assert.Equal(12, run.ExitCode);
        Assert.Contains("Cannot reach PostgreSQL at 127.0.0.1:1", run.Error, StringComparison.Ordinal);
        Assert.Contains("Scale:ConnectionString", run.Error, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var config = new Option<FileInfo?>("--config") { Recursive = true };
        var root = new RootCommand("test") { config, EnqueueCommand.Create(config, output, error) };
        var exit = await root.Parse(args).InvokeAsync();
        return (exit, output.ToString(), error.ToString());
    }
}
