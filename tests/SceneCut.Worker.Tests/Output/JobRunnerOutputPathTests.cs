using Microsoft.Extensions.DependencyInjection;
using SceneCut.Jobs.Jobs;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Output;

/// <summary>
/// In scale-out a job's relative path comes from its arguments in PostgreSQL: the runner refuses one that would put
/// results (or error documents) outside the output folder, before any analysis, and names it.
/// </summary>
public sealed class JobRunnerOutputPathTests
{
    [Theory]
    [InlineData("../escaped.mp4")]
    [InlineData("sub/../../escaped.mp4")]
    [InlineData("/tmp/scenecut-escaped/escaped.mp4")]
    public async Task ProcessAsync_RelativePathLeavingTheOutputFolder_IsRefusedAndWritesNothing(string relativePath)
    {
        using var setup = new WorkerSetup();
        var source = Path.Combine(setup.Input, "a.mp4");
        TestVideos.DistinctCopy(TestVideos.Short, source, "escape");
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        var runner = host.Services.GetRequiredService<JobRunner>();

        var outcome = await runner.ProcessAsync(new JobInput(source, relativePath), progress: null, CancellationToken.None);

        Assert.Equal(OutcomeKind.Deferred, outcome.Kind);
        Assert.Contains(relativePath, outcome.Error, StringComparison.Ordinal);
        Assert.Contains("leaves the output folder", outcome.Error, StringComparison.Ordinal);
        var outside = Path.GetFullPath(Path.Combine(setup.Output, Path.GetDirectoryName(relativePath)!));
        Assert.Empty(Directory.Exists(outside) ? Directory.GetFiles(outside, "escaped.mp4*") : []);
        Assert.Empty(Directory.GetFiles(setup.Output, "*", SearchOption.AllDirectories));
    }
}
