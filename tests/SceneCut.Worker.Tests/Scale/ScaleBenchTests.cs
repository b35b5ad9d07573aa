using System.Diagnostics;
using SceneCut.Worker.Tests.Soak;
using SceneCut.Worker.Tests.TestSupport;
using Xunit.Abstractions;

namespace SceneCut.Worker.Tests.Scale;

/// <summary>
/// Files per minute with 1, 2 and 3 Hangfire-mode workers, and the engine's overhead per job against the embedded
/// mode on the same files. Prints numbers, asserts only correctness; runs with <c>SCENECUT_SOAK=1</c> and PostgreSQL.
/// </summary>
[Collection("worker processes")]
public sealed class ScaleBenchTests(ITestOutputHelper output)
{
    private const int FileCount = 30;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    [SoakFact]
    public async Task FilesPerMinute_OneTwoThreeWorkers_AgainstEmbedded()
    {
        Assert.False(string.IsNullOrEmpty(Environment.GetEnvironmentVariable(PostgresFactAttribute.Variable)), "needs .ci/postgres");
        var embedded = await RunAsync(workers: 1, database: null);
        output.WriteLine($"embedded, 1 job at a time: {FileCount} files in {embedded:0.0} s = {FileCount * 60 / embedded:0.0} files/min");
        foreach (var workers in new[] { 1, 2, 3 })
        {
            var seconds = await RunAsync(workers, await ScaleDatabase.CreateAsync());
            output.WriteLine($"hangfire, {workers} worker(s) x 1 job: {FileCount} files in {seconds:0.0} s = {FileCount * 60 / seconds:0.0} files/min");
            if (workers == 1)
            {
                output.WriteLine($"engine overhead per job (1 worker, hangfire - embedded): {(seconds - embedded) / FileCount * 1000:0} ms");
            }
        }
    }

    // Wall time from starting the workers to the last result: both modes pay the same process start-up.
    private static async Task<double> RunAsync(int workers, ScaleDatabase? database)
    {
        using var setup = new WorkerSetup { Parallelism = 1 };
        for (var i = 0; i < FileCount; i++)
        {
            TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, $"bench{i:00}.mp4"), $"bench{i}");
        }

        var clock = Stopwatch.StartNew();
        var processes = Enumerable.Range(0, workers)
            .Select(i => WorkerProcess.Start(database is null ? setup.Args() : ScaleOutTests.Args(setup, database, i)))
            .ToArray();
        try
        {
            await Wait.UntilAsync(
                () => Directory.GetFiles(setup.Output, "*.scenecut.json", SearchOption.AllDirectories).Length == FileCount, Patience, "every result");
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }
}
