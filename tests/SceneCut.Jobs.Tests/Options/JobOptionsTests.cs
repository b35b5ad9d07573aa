using SceneCut.Jobs.Options;

namespace SceneCut.Jobs.Tests.Options;

public sealed class JobOptionsTests
{
    [Fact]
    public void Ctor_Ok()
    {
        var options = new JobOptions();

        Assert.Equal(["json"], options.Formats);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(1024 * 1024, options.HashSampleBytes);
        Assert.Equal(QuarantineMode.Mark, options.Quarantine);
        Assert.Null(options.QuarantineFolder);
        Assert.Equal(100, options.MaxDamagedFramePercent);
        Assert.Null(options.LedgerPath);
        Assert.Equal(4, options.Resilience.Retry.MaxRetryAttempts);
        Assert.Equal(0.5, options.Resilience.Retry.BaseDelaySeconds);
        Assert.Equal(30, options.Resilience.Retry.MaxDelaySeconds);
        Assert.Equal(2, options.Resilience.Attempts.BaseDelaySeconds);
        Assert.Equal(60, options.Resilience.Timeout.BaseSeconds);
        Assert.Equal(2, options.Resilience.Timeout.SecondsPerMediaSecond);
        Assert.Equal(21600, options.Resilience.Timeout.MaxSeconds);
        Assert.Equal(0.5, options.Resilience.CircuitBreaker.FailureRatio);
        Assert.Equal(4, options.Resilience.CircuitBreaker.MinimumThroughput);
        Assert.Equal(30, options.Resilience.CircuitBreaker.SamplingSeconds);
        Assert.Equal(15, options.Resilience.CircuitBreaker.BreakSeconds);
        Assert.True(new JobOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(new JobOptionsRulesValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_OutOfRange_MessagesNameEverySetting()
    {
        var options = new JobOptions { MaxAttempts = 0, MaxDamagedFramePercent = 101 };
        options.Resilience.Retry.BaseDelaySeconds = -1;

        var result = new JobOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Retry.BaseDelaySeconds", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxDamagedFramePercent", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownFormatAndMoveWithoutFolder_NameTheSettings()
    {
        var options = new JobOptions { Formats = ["json", "nope"], Quarantine = QuarantineMode.Move };

        var result = new JobOptionsRulesValidator().Validate(null, options);

        Assert.Contains("Worker:Jobs:Formats: unknown format 'nope'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Worker:Jobs:QuarantineFolder", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_HlsWithoutAPlaylist_NamesTheSetting_WithOneItPasses()
    {
        var options = new JobOptions { Formats = ["json", "hls"] };

        var without = new JobOptionsRulesValidator(Microsoft.Extensions.Options.Options.Create(new SceneCut.Output.OutputOptions())).Validate(null, options);
        var with = new JobOptionsRulesValidator(Microsoft.Extensions.Options.Options.Create(new SceneCut.Output.OutputOptions { HlsPlaylist = "{name}.m3u8" })).Validate(null, options);

        Assert.Contains("Worker:Jobs:Formats: 'hls' needs SceneCut:Output:HlsPlaylist", without.FailureMessage, StringComparison.Ordinal);
        Assert.True(with.Succeeded);
    }

    [Theory]
    [InlineData(0, 60)]
    [InlineData(100, 260)]
    [InlineData(1e9, 21600)]
    public void Timeout_ScalesWithDurationUpToTheMaximum(double mediaSeconds, double expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), new FileTimeoutOptions().For(mediaSeconds));
    }
}
