using System.ComponentModel.DataAnnotations;

namespace SceneCut.Jobs.Options;

/// <summary>Spacing of analysis attempts of one file (the count is <see cref="JobOptions.MaxAttempts"/>).</summary>
public sealed class AttemptOptions
{
    /// <summary>Delay in seconds before the second attempt; doubles each time, with jitter. Default: 2.</summary>
    [Range(0.0, 3600.0)]
    public double BaseDelaySeconds { get; set; } = JobDefaults.AttemptBaseDelaySeconds;
}
