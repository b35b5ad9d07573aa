using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SceneCut.Output;
using SceneCut.Worker.Tests.TestSupport;

namespace SceneCut.Worker.Tests.Output;

/// <summary>The worker (and scale-out, which runs the same job runner) renders with <c>SceneCut:Output</c>, checked at start.</summary>
public sealed class WorkerOutputOptionsTests
{
    [Fact]
    public void Host_ConfiguredOutputOptions_AreTheSinksOptions()
    {
        using var setup = new WorkerSetup();
        using var host = WorkerHost.CreateBuilder(
            [.. setup.Args(), "--SceneCut:Output:VastTagTemplate=https://ads.test/vast?slot={index}", "--SceneCut:Output:EdlStartTimecode=10:00:00:00"]).Build();

        var options = host.Services.GetRequiredService<ResultSink>().Options;

        Assert.Equal("https://ads.test/vast?slot={index}", options.VastTagTemplate);
        Assert.Equal("10:00:00:00", options.EdlStartTimecode);
    }

    [Fact]
    public async Task Start_InvalidOutputOption_FailsWithAMessageNamingIt()
    {
        using var setup = new WorkerSetup();
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            using var host = WorkerHost.CreateBuilder([.. setup.Args(), "--SceneCut:Output:EdlStartTimecode=noon"]).Build();
            await host.StartAsync();
        });

        Assert.Contains("EdlStartTimecode", ex.Message, StringComparison.Ordinal);
    }
}
