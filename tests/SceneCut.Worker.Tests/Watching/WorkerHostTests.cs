using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SceneCut.Results;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Watching;

/// <summary>The worker in-process: real host, real files, real SQLite, real decoding.</summary>
public sealed class WorkerHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_FilesPresentAtStartAndDroppedWhileRunning_EachGetsOneResult()
    {
        using var setup = new WorkerSetup();
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "a.mp4"), "a");
        Directory.CreateDirectory(Path.Combine(setup.Input, "sub"));
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "sub", "b.mp4"), "b");
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        await host.StartAsync();

        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("a.mp4")) && File.Exists(setup.ResultFor("sub/b.mp4")), Patience, "results of files present at start");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.State, "c.mp4"), "c");
        File.Move(Path.Combine(setup.State, "c.mp4"), Path.Combine(setup.Input, "c.mp4"));
        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("c.mp4")), Patience, "result of a dropped file");
        await Wait.UntilAsync(() => File.Exists(setup.HealthFile) && File.ReadAllText(setup.HealthFile).Contains("\"succeeded\": 3", StringComparison.Ordinal), Patience, "health file");
        await host.StopAsync();

        setup.AssertOneRecordPer("a.mp4", "sub/b.mp4", "c.mp4");
        var document = ResultJson.Deserialize(await File.ReadAllTextAsync(setup.ResultFor("c.mp4")));
        Assert.Equal(TestVideos.ShortFrames, document.Video.FrameCount);
        Assert.All(LedgerReader.Jobs(setup.Ledger), j => Assert.Equal(("Done", 1), (j.State, j.Attempts)));
        using var health = JsonDocument.Parse(await File.ReadAllTextAsync(setup.HealthFile));
        Assert.Equal("Stopped", health.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_SlowCopy_TakesTheFileOnlyWhenComplete()
    {
        // 3 s of stillness, pieces every 0.35 s: the copy (about 4 s) outlasts the window, and a loaded machine (other
        // test classes run worker processes meanwhile) may delay a piece by seconds without the file looking complete.
        // With a 1 s window a piece delayed past it made the worker take the half-copied file (1 CI run in 5).
        using var setup = new WorkerSetup { StableSeconds = 3 };
        var bytes = await File.ReadAllBytesAsync(TestVideos.Short);
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        await host.StartAsync();

        // About 4 s of copying in pieces, each well inside the stability window.
        var target = Path.Combine(setup.Input, "slow.mp4");
        await using (var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite))
        {
            const int Pieces = 12;
            var piece = (bytes.Length + Pieces - 1) / Pieces;
            for (var offset = 0; offset < bytes.Length; offset += piece)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(piece, bytes.Length - offset)));
                await stream.FlushAsync();
                await Task.Delay(350);
            }
        }

        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("slow.mp4")) || File.Exists(setup.ErrorFor("slow.mp4")), Patience, "the copied file's record");
        await host.StopAsync();

        setup.AssertOneRecordPer("slow.mp4");
        var document = ResultJson.Deserialize(await File.ReadAllTextAsync(setup.ResultFor("slow.mp4")));
        Assert.Equal(TestVideos.ShortFrames, document.Video.FrameCount);
        Assert.True(document.Video.DecodeComplete);
        Assert.Equal(("Done", 1), (LedgerReader.Jobs(setup.Ledger).Single().State, LedgerReader.Jobs(setup.Ledger).Single().Attempts));
    }

    [Fact]
    public async Task Run_ZeroByteTruncatedCorruptAndNonVideo_AreQuarantinedAndAGoodFileStillRuns()
    {
        using var setup = new WorkerSetup();
        var good = await File.ReadAllBytesAsync(TestVideos.Short);
        await File.WriteAllBytesAsync(Path.Combine(setup.Input, "empty.mp4"), []);
        await File.WriteAllBytesAsync(Path.Combine(setup.Input, "truncated.mp4"), good[..(good.Length / 3)]);
        var corrupt = new byte[40_000];
        new Random(3).NextBytes(corrupt);
        await File.WriteAllBytesAsync(Path.Combine(setup.Input, "corrupt.mkv"), corrupt);
        await File.WriteAllTextAsync(Path.Combine(setup.Input, "notes.mp4"), "this is a text file, not a video\n");
        await File.WriteAllBytesAsync(Path.Combine(setup.Input, "good.mp4"), good);
        string[] all = ["empty.mp4", "truncated.mp4", "corrupt.mkv", "notes.mp4", "good.mp4"];
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        await host.StartAsync();

        await Wait.UntilAsync(() => all.All(n => File.Exists(setup.ResultFor(n)) || File.Exists(setup.ErrorFor(n))), Patience, "a record for every file");
        await host.StopAsync();

        setup.AssertOneRecordPer(all);
        Assert.True(File.Exists(setup.ResultFor("good.mp4")));
        foreach (var bad in new[] { "empty.mp4", "truncated.mp4", "corrupt.mkv", "notes.mp4" })
        {
            using var error = JsonDocument.Parse(await File.ReadAllTextAsync(setup.ErrorFor(bad)));
            Assert.Equal(Path.Combine(setup.Input, bad), error.RootElement.GetProperty("source").GetString());
            Assert.False(string.IsNullOrEmpty(error.RootElement.GetProperty("message").GetString()));
        }

        using var empty = JsonDocument.Parse(await File.ReadAllTextAsync(setup.ErrorFor("empty.mp4")));
        Assert.Equal("Empty", empty.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Run_DuplicateContentUnderTwoNames_AnalysedOnceBothGetResults()
    {
        using var setup = new WorkerSetup();
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "one.mp4"), "dup");
        File.Copy(Path.Combine(setup.Input, "one.mp4"), Path.Combine(setup.Input, "two.mp4"));
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        await host.StartAsync();

        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("one.mp4")) && File.Exists(setup.ResultFor("two.mp4")), Patience, "both results");
        await host.StopAsync();

        setup.AssertOneRecordPer("one.mp4", "two.mp4");
        var job = Assert.Single(LedgerReader.Jobs(setup.Ledger));
        Assert.Equal(("Done", 1), (job.State, job.Attempts));
        var two = ResultJson.Deserialize(await File.ReadAllTextAsync(setup.ResultFor("two.mp4")));
        Assert.Equal(Path.Combine(setup.Input, "two.mp4"), two.Video.Path);
    }

    [Fact]
    public async Task Run_RenamedWhileBeingAnalysed_ResultFollowsTheNewNameWithoutASecondAnalysis()
    {
        using var setup = new WorkerSetup();
        File.Copy(TestVideos.Long, Path.Combine(setup.Input, "before.mp4"));
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        await host.StartAsync();

        await Wait.UntilAsync(() => LedgerReader.Jobs(setup.Ledger).Any(j => j.State == "Running"), Patience, "the job to start");
        File.Move(Path.Combine(setup.Input, "before.mp4"), Path.Combine(setup.Input, "after.mp4"));
        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("after.mp4")) && !File.Exists(setup.ResultFor("before.mp4")), Patience, "the result under the new name only");
        await host.StopAsync();

        setup.AssertOneRecordPer("after.mp4");
        Assert.False(File.Exists(setup.ResultFor("before.mp4")));
        var job = Assert.Single(LedgerReader.Jobs(setup.Ledger));
        Assert.Equal(("Done", 1, Path.Combine(setup.Input, "after.mp4")), (job.State, job.Attempts, job.Path));
    }

    [Fact]
    public async Task Run_OutputFolderUnavailableForAWhile_FilesWaitThenComplete()
    {
        using var setup = new WorkerSetup();
        // Root cannot be locked out by permissions, so the folder is taken away and a file put in its place,
        // which is what an unmounted or replaced share looks like to the writer.
        var away = setup.Output + ".away";
        Directory.Move(setup.Output, away);
        await File.WriteAllTextAsync(setup.Output, "not a folder");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "x.mp4"), "x");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "y.mp4"), "y");
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        await host.StartAsync();

        await Wait.UntilAsync(() => LedgerReader.Jobs(setup.Ledger).Count == 2 && LedgerReader.Jobs(setup.Ledger).All(j => j.State == "Pending"), Patience, "both files deferred");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.All(LedgerReader.Jobs(setup.Ledger), j => Assert.NotEqual("Quarantined", j.State));
        File.Delete(setup.Output);
        Directory.Move(away, setup.Output);
        await Wait.UntilAsync(() => File.Exists(setup.ResultFor("x.mp4")) && File.Exists(setup.ResultFor("y.mp4")), Patience, "results after the folder came back");
        await host.StopAsync();

        setup.AssertOneRecordPer("x.mp4", "y.mp4");
        Assert.All(LedgerReader.Jobs(setup.Ledger), j => Assert.Equal("Done", j.State));
    }

    [Fact]
    public async Task Stop_MidJobWithNoDrainTime_LeavesItPendingAndTheNextStartFinishesIt()
    {
        using var setup = new WorkerSetup { DrainSeconds = 0 };
        File.Copy(TestVideos.Long, Path.Combine(setup.Input, "long.mp4"));
        using (var host = WorkerHost.CreateBuilder(setup.Args()).Build())
        {
            await host.StartAsync();
            await Wait.UntilAsync(() => LedgerReader.Jobs(setup.Ledger).Any(j => j.State == "Running"), Patience, "the job to start");
            await host.StopAsync();
        }

        var stopped = Assert.Single(LedgerReader.Jobs(setup.Ledger));
        Assert.Equal(("Pending", 0), (stopped.State, stopped.Attempts));
        Assert.False(File.Exists(setup.ResultFor("long.mp4")));

        using (var host = WorkerHost.CreateBuilder(setup.Args()).Build())
        {
            await host.StartAsync();
            await Wait.UntilAsync(() => File.Exists(setup.ResultFor("long.mp4")), Patience, "the resumed job's result");
            await host.StopAsync();
        }

        setup.AssertOneRecordPer("long.mp4");
        Assert.Equal(("Done", 1), (LedgerReader.Jobs(setup.Ledger).Single().State, LedgerReader.Jobs(setup.Ledger).Single().Attempts));
    }

    [Fact]
    public async Task Stop_MidJobWithDrainTime_LetsTheRunningJobFinish()
    {
        using var setup = new WorkerSetup { DrainSeconds = 60 };
        File.Copy(TestVideos.Long, Path.Combine(setup.Input, "long.mp4"));
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        await host.StartAsync();
        await Wait.UntilAsync(() => LedgerReader.Jobs(setup.Ledger).Any(j => j.State == "Running"), Patience, "the job to start");

        await host.StopAsync();

        Assert.True(File.Exists(setup.ResultFor("long.mp4")));
        Assert.Equal("Done", LedgerReader.Jobs(setup.Ledger).Single().State);
    }

    [Fact]
    public async Task Start_InvalidSetting_FailsWithAMessageNamingIt()
    {
        using var setup = new WorkerSetup();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = WorkerHost.CreateBuilder([.. setup.Args(), "--Worker:Parallelism=0", "--Worker:Jobs:MaxAttempts=0"]).Build();
            await host.StartAsync();
        });

        Assert.Contains("Parallelism", ex.Message, StringComparison.Ordinal);
    }
}
