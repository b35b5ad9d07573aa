using System.Diagnostics;
using System.Globalization;
using SceneCut.Worker.Tests.TestSupport;
using Xunit.Abstractions;

namespace SceneCut.Worker.Tests.Soak;

/// <summary>200 small generated videos through the worker process with 2 parallel jobs; reports files/minute and peak memory.</summary>
public sealed class WorkerSoakTests(ITestOutputHelper output)
{
    private const int Files = 200;

    [SoakFact]
    public async Task Soak_200Videos_TwoParallelJobs_EveryFileOnceAndMeasured()
    {
        using var setup = new WorkerSetup { Parallelism = 2 };
        var names = Enumerable.Range(0, Files).Select(i => string.Create(CultureInfo.InvariantCulture, $"v{i:000}.mp4")).ToArray();
        var staging = Path.Combine(setup.State, "staging");
        Directory.CreateDirectory(staging);
        foreach (var name in names)
        {
            TestVideos.DistinctCopy(TestVideos.Short, Path.Combine(staging, name), name);
        }

        using var worker = WorkerProcess.Start(setup.Args());
        var stopwatch = Stopwatch.StartNew();
        foreach (var name in names)
        {
            File.Move(Path.Combine(staging, name), Path.Combine(setup.Input, name));
        }

        var peak = 0.0;
        await Wait.UntilAsync(
            () =>
            {
                peak = Math.Max(peak, worker.PeakMemoryMiB());
                return names.All(n => File.Exists(setup.ResultFor(n)) || File.Exists(setup.ErrorFor(n)));
            },
            TimeSpan.FromMinutes(30),
            "every soak file's record");
        var minutes = stopwatch.Elapsed.TotalMinutes;
        peak = Math.Max(peak, worker.PeakMemoryMiB());
        await worker.TerminateAsync(TimeSpan.FromSeconds(60));

        setup.AssertOneRecordPer(names);
        var jobs = LedgerReader.Jobs(setup.Ledger);
        Assert.Equal(Files, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(("Done", 1), (j.State, j.Attempts)));
        var report = string.Create(CultureInfo.InvariantCulture,
            $"soak: {Files} files ({TestVideos.ShortFrames} frames each, 160x120) in {minutes * 60:0.0} s = {Files / minutes:0.0} files/minute, worker peak RSS {peak:0} MiB, parallelism 2");
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), "scenecut-soak-result.txt"), report + "\n");
    }
}
