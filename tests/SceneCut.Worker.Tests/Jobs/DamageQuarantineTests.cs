using Microsoft.Extensions.DependencyInjection;
using SceneCut.Jobs.Jobs;
using SceneCut.Results;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Jobs;

/// <summary>
/// <c>Worker:Jobs:MaxDamagedFramePercent</c>: a file with more damaged frames than allowed is quarantined with an error
/// document that says so; by default (100 %) the same file gets its results, which report the damage.
/// </summary>
public sealed class DamageQuarantineTests
{
    [Fact]
    public async Task ProcessAsync_MoreDamageThanAllowed_QuarantinesWithTheShare()
    {
        using var setup = new WorkerSetup();
        var source = Damaged(setup);
        using var host = WorkerHost.CreateBuilder([.. setup.Args(), "--Worker:Jobs:MaxDamagedFramePercent=1"]).Build();
        var runner = host.Services.GetRequiredService<JobRunner>();

        var outcome = await runner.ProcessAsync(new JobInput(source, "damaged.mp4"), progress: null, CancellationToken.None);

        Assert.Equal(OutcomeKind.Quarantined, outcome.Kind);
        Assert.StartsWith("Damaged: ", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("decoded with errors, more than the 1 % allowed", outcome.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(setup.ErrorFor("damaged.mp4")));
        Assert.False(File.Exists(setup.ResultFor("damaged.mp4")));
    }

    [Fact]
    public async Task ProcessAsync_DamageByDefault_WritesResultsThatReportIt()
    {
        using var setup = new WorkerSetup();
        var source = Damaged(setup);
        using var host = WorkerHost.CreateBuilder(setup.Args()).Build();
        var runner = host.Services.GetRequiredService<JobRunner>();

        var outcome = await runner.ProcessAsync(new JobInput(source, "damaged.mp4"), progress: null, CancellationToken.None);

        Assert.Equal(OutcomeKind.Analysed, outcome.Kind);
        var document = ResultJson.Deserialize(await File.ReadAllTextAsync(setup.ResultFor("damaged.mp4")));
        Assert.NotEmpty(document.Processing.DamagedFrames);
        Assert.True(document.Processing.DecodeHealth is { DamageDetectable: true, DamagedShare: > 0.01 });
    }

    // Bit flips all over the coded frames of the short test video (50 frames): several damaged ranges, seeded.
    private static string Damaged(WorkerSetup setup) =>
        Mp4Damage.FlipBits(TestVideos.Short, Path.Combine(setup.Input, "damaged.mp4"), flips: 60, seed: 7);
}
