using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Watching;

/// <summary>The worker as a real child process: killed with SIGKILL mid-job, then restarted.</summary>
public sealed class WorkerProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KillHardMidJobThenRestart_EveryFileEndsWithExactlyOneRecord()
    {
        using var setup = new WorkerSetup();
        string[] good = ["g1.mp4", "g2.mp4", "g3.mp4", "long1.mp4", "long2.mp4"];
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "g1.mp4"), "g1");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "g2.mp4"), "g2");
        TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(setup.Input, "g3.mp4"), "g3");
        TestVideos.DistinctCopy(TestVideos.Long, Path.Combine(setup.Input, "long1.mp4"), "l1");
        TestVideos.DistinctCopy(TestVideos.Long, Path.Combine(setup.Input, "long2.mp4"), "l2");
        await File.WriteAllTextAsync(Path.Combine(setup.Input, "bad.mp4"), "not a video");
        string[] all = [.. good, "bad.mp4"];

        using (var first = WorkerProcess.Start(setup.Args()))
        {
            await Wait.UntilAsync(() => LedgerReader.Jobs(setup.Ledger).Any(j => j.State == "Running"), Patience, "a job running in the child");
            first.KillHard();
        }

        var afterKill = LedgerReader.Jobs(setup.Ledger);
        Assert.Contains(afterKill, j => j.State == "Running");

        using (var second = WorkerProcess.Start(setup.Args()))
        {
            await Wait.UntilAsync(() => all.All(n => File.Exists(setup.ResultFor(n)) || File.Exists(setup.ErrorFor(n))), Patience, "a record for every file after restart");
            await second.TerminateAsync(TimeSpan.FromSeconds(60));
        }

        setup.AssertOneRecordPer(all);
        foreach (var name in good)
        {
            Assert.True(File.Exists(setup.ResultFor(name)), name);
        }

        var jobs = LedgerReader.Jobs(setup.Ledger);
        Assert.Equal(all.Length, jobs.Count);
        Assert.DoesNotContain(jobs, j => j.State is "Running" or "Pending" or "Failed");
        Assert.Equal("Quarantined", jobs.Single(j => j.Path.EndsWith("bad.mp4", StringComparison.Ordinal)).State);
        // No temporary result files left behind by the killed process's atomic writes are visible as results.
        Assert.DoesNotContain(Directory.EnumerateFiles(setup.Output, "*.scenecut.json"), f => Path.GetFileName(f).StartsWith('.'));
    }
}
