using System.ComponentModel.DataAnnotations;

namespace SceneCut.Jobs.Options;

/// <summary>Circuit breaker on result writes: while the output folder keeps failing, files wait instead of failing.</summary>
public sealed class OutputBreakerOptions
{
    /// <summary>Share of failed writes in the window that opens the circuit. Default: 0.5.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = JobDefaults.BreakerFailureRatio;

    /// <summary>Writes in the window before the circuit may open. Default: 4.</summary>
    [Range(2, 10000)]
    public int MinimumThroughput { get; set; } = JobDefaults.BreakerMinimumThroughput;

    /// <summary>The window in seconds. Default: 30.</summary>
    [Range(0.5, 86400.0)]
    public double SamplingSeconds { get; set; } = JobDefaults.BreakerSamplingSeconds;

    /// <summary>Seconds the circuit stays open before one trial write. Default: 15.</summary>
    [Range(0.5, 86400.0)]
    public double BreakSeconds { get; set; } = JobDefaults.BreakerBreakSeconds;
}
