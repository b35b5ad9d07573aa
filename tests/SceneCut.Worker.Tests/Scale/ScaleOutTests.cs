using System.Diagnostics;
using Hangfire;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.States;
using SceneCut.Scale.Execution;
using SceneCut.Scale.Options;
using SceneCut.Worker.Tests.TestSupport;
using Xunit.Abstractions;

namespace SceneCut.Worker.Tests.Scale;

/// <summary>Real worker processes in Hangfire mode on one PostgreSQL database and one shared folder.</summary>
[Collection("worker processes")]
public sealed class ScaleOutTests(ITestOutputHelper output)
{
    private const int FileCount = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [PostgresFact]
    public async Task ThreeWorkers_OneKilledAndRestarted_EveryFileHasExactlyOneResultAndOneJob()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var names = Enumerable.Range(0, FileCount).Select(i => $"clip{i:00}.mp4").ToArray();
        foreach (var name in names)
        {
            TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, name), name);
        }

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 3).Select(i => WorkerProcess.Start(Args(setup, database, i), LogFile(setup, i))).ToArray();
        try
        {
            await Wait.UntilAsync(() => Results(setup) >= 10, Patience, "the first results");
            workers[0].KillHard();
            await Wait.UntilAsync(() => Results(setup) >= 25, Patience, "results after one worker was killed");
            workers[0].Dispose();
            workers[0] = WorkerProcess.Start(Args(setup, database, 0), LogFile(setup, 0));
            var rejoined = workers[0].Id;
            await Wait.UntilAsync(() => Results(setup) == FileCount, Patience, "a result for every file");
            await Wait.UntilAsync(
                () => database.Scalar($"SELECT count(*) FROM scenecut_hangfire.server WHERE id LIKE '%:{rejoined}:%' OR id LIKE '%:{rejoined}'") > 0,
                Patience, "the restarted worker's Hangfire server registered");
            output.WriteLine($"{FileCount} files, 3 workers (one killed and restarted): {clock.Elapsed.TotalSeconds:0.0} s");

            await Wait.UntilAsync(() => database.Scalar("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'") == FileCount, Patience, "every claim done");
            Assert.Equal(FileCount, await database.ScalarAsync("SELECT count(*) FROM scenecut.content_claims"));
            // Three watchers on one folder, one of them twice: still one Hangfire job per file.
            Assert.Equal(FileCount, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job"));
            Assert.All(names, n => Assert.True(File.Exists(setup.ResultFor(n)), n));
            Assert.Empty(Directory.GetFiles(setup.Output, "*.error.json", SearchOption.AllDirectories));
            Assert.Equal(FileCount, Directory.GetFiles(setup.Output, "*.scenecut.json", SearchOption.AllDirectories).Length);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    [PostgresFact]
    public async Task LongJob_WithShortSlidingInvisibility_RunsOnceWhileOtherWorkersWait()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        File.Copy(TestVideos.Long, Path.Combine(setup.Input, "long.mp4"));
        // The analysis takes seconds, many times the 1 s timeout: only the sliding heartbeat keeps it from a second run.
        var workers = Enumerable.Range(0, 2).Select(i => WorkerProcess.Start([.. Args(setup, database, i), "--Scale:InvisibilityTimeoutSeconds=1"])).ToArray();
        try
        {
            var clock = Stopwatch.StartNew();
            await Wait.UntilAsync(() => File.Exists(setup.ResultFor("long.mp4")), Patience, "the long file's result");
            await Wait.UntilAsync(() => database.Scalar("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'") == 1, Patience, "its claim done");
            output.WriteLine($"long job: {clock.Elapsed.TotalSeconds:0.0} s with a 1 s invisibility timeout");
            // Picked up a second time, the job would have a second Processing state.
            Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.state WHERE name = 'Processing'"));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    // Hangfire.PostgreSql's locks are rows: a state change cut off by the outage left its job's state-lock behind, and
    // about one run in four the job then sat in Processing (or Enqueued) for the library's 10-minute lock timeout.
    // Scale:LockTimeoutSeconds bounds that; several short outages make the cut-off likely, and the end state is checked
    // in Hangfire itself (every job Succeeded), not only in the claims and result files.
    [PostgresFact]
    public async Task DatabaseDownForAWhile_WorkersWaitAndRecover_NoFileLostOrDoubled()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var before = Enumerable.Range(0, 8).Select(i => $"before{i}.mp4").ToArray();
        var during = Enumerable.Range(0, 8).Select(i => $"during{i}.mp4").ToArray();
        foreach (var name in before)
        {
            TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, name), name);
        }

        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, 2).Select(i => WorkerProcess.Start(Args(setup, database, i), LogFile(setup, i))).ToArray();
        try
        {
            await Wait.UntilAsync(() => Results(setup) >= 2, Patience, "the first results");
            for (var outage = 0; outage < Outages; outage++)
            {
                await ScaleDatabase.ServerAsync("stop");
                try
                {
                    // New files land while the database is away; the watchers must take them in once it is back.
                    if (outage == 0)
                    {
                        foreach (var name in during)
                        {
                            TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, name), name);
                        }
                    }

                    await Task.Delay(OutageLength);
                }
                finally
                {
                    await ScaleDatabase.ServerAsync("start");
                }

                await Task.Delay(BetweenOutages);
            }

            var all = before.Concat(during).ToArray();
            await Wait.UntilAsync(() => all.All(n => File.Exists(setup.ResultFor(n))), Patience, "a result for every file after the outages");
            await Wait.UntilAsync(() => database.Scalar("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'") == all.Length, Patience, "every claim done");
            await Wait.UntilAsync(
                () => database.Scalar("SELECT count(*) FROM scenecut_hangfire.job WHERE statename = 'Succeeded'") == all.Length, Patience,
                "every Hangfire job Succeeded (none left in Processing)");
            output.WriteLine($"{all.Length} files, 2 workers, {Outages} database outages of {OutageLength.TotalSeconds:0} s: {clock.Elapsed.TotalSeconds:0.0} s");
            Assert.Equal(all.Length, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job"));
            Assert.Equal(all.Length, Directory.GetFiles(setup.Output, "*.scenecut.json", SearchOption.AllDirectories).Length);
            Assert.Empty(Directory.GetFiles(setup.Output, "*.error.json", SearchOption.AllDirectories));
            Assert.All(workers, w => Assert.False(w.HasExited));
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    // A deferred job (output folder away) is retried by Hangfire. The retry must come back on SceneCut's queue: it used
    // to land on Hangfire's "default" queue, which no node serves, and the file was never analysed.
    [PostgresFact]
    public async Task OutputFolderAwayAtFirstRun_HangfireRetriesOnOurQueue_ResultOnceItIsBack()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        // Root cannot be locked out by permissions, so the folder is taken away and a file put in its place.
        var away = setup.Output + ".away";
        Directory.Move(setup.Output, away);
        await File.WriteAllTextAsync(setup.Output, "not a folder");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "x.mp4"), "x");
        using var worker = WorkerProcess.Start([.. Args(setup, database, 0), "--Scale:MaxAttempts=10"], LogFile(setup, 0));
        try
        {
            // Hangfire's tables appear once the worker has started.
            await Wait.UntilAsync(
                () => database.TryScalar("SELECT count(*) FROM scenecut_hangfire.state WHERE reason LIKE 'Retry attempt%'") >= 1,
                Patience, "the first run deferred");
        }
        finally
        {
            File.Delete(setup.Output);
            Directory.Move(away, setup.Output);
        }

        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("x.mp4")), Patience, "x's result after a retry");
        await Wait.UntilAsync(
            () => database.Scalar("SELECT count(*) FROM scenecut_hangfire.job WHERE statename = 'Succeeded'") == 1, Patience, "the job Succeeded");
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.job"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM scenecut.content_claims WHERE state = 'Done'"));
        Assert.True(await database.ScalarAsync("SELECT count(*) FROM scenecut_hangfire.state WHERE name = 'Processing'") >= 2, "at least two runs");
    }

    // Retries of older versions landed on Hangfire's "default" queue: a node serves it too, so such a job still runs.
    [PostgresFact]
    public async Task JobStrandedOnTheDefaultQueue_IsRunByANode()
    {
        var database = await ScaleDatabase.CreateAsync();
        using var setup = new WorkerSetup();
        var stranded = Path.Combine(setup.State, "stranded.mp4");
        TestVideos.DistinctCopy(TestVideos.Short, stranded, "stranded");
        var storageOptions = new PostgreSqlStorageOptions { SchemaName = ScaleDefaults.Schema, PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, storageOptions), storageOptions);
        new BackgroundJobClient(storage).Create(
            Job.FromExpression<AnalyseFileJob>(j => j.RunAsync("stranded", stranded, "stranded.mp4", null, CancellationToken.None)),
            new EnqueuedState(EnqueuedState.DefaultQueue));

        using var worker = WorkerProcess.Start(Args(setup, database, 0), LogFile(setup, 0));

        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("stranded.mp4")), Patience, "the stranded job's result");
        await Wait.UntilAsync(
            () => database.Scalar("SELECT count(*) FROM scenecut_hangfire.job WHERE statename = 'Succeeded'") == 1, Patience, "the job Succeeded");
    }

    private const int Outages = 3;
    private static readonly TimeSpan OutageLength = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan BetweenOutages = TimeSpan.FromSeconds(2);

    private const int InvisibilitySeconds = 5;

    // Each worker's console output, kept in the test's state folder (SCENECUT_KEEP_LOGS leaves it for reading).
    private static string LogFile(WorkerSetup setup, int node) =>
        Environment.GetEnvironmentVariable("SCENECUT_KEEP_LOGS") is { Length: > 0 } keep
            ? Path.Combine(Directory.CreateDirectory(keep).FullName, $"worker{node}-{Environment.TickCount64}.log")
            : Path.Combine(setup.State, $"worker{node}.log");

    private static int Results(WorkerSetup setup) =>
        Directory.Exists(setup.Output) ? Directory.GetFiles(setup.Output, "*.scenecut.json", SearchOption.AllDirectories).Length : 0;

    internal static string[] Args(WorkerSetup setup, ScaleDatabase database, int node) =>
    [
        .. setup.Args(),
        "--Scale:Mode=Hangfire",
        $"--Scale:ConnectionString={database.ConnectionString}",
        "--Scale:WorkerCount=1",
        $"--Scale:InvisibilityTimeoutSeconds={InvisibilitySeconds}",
        "--Scale:QueuePollSeconds=0.5",
        "--Scale:ClaimOrphanSeconds=5",
        "--Scale:LockTimeoutSeconds=10",
        "--Scale:RetryDelaysSeconds:0=1",
        $"--Scale:NodeLedgerPath={Path.Combine(setup.State, $"node{node}-{Guid.NewGuid():N}.db")}",
        $"--Worker:HealthFile={Path.Combine(setup.State, $"health{node}.json")}",
    ];
}
