using System.ComponentModel.DataAnnotations;

namespace SceneCut.Jobs.Options;

/// <summary>Retry with exponential backoff and jitter for transient I/O (a locked file, a share hiccup).</summary>
public sealed class IoRetryOptions
{
    /// <summary>Retries after the first try. Default: 4.</summary>
    [Range(0, 100)]
    public int MaxRetryAttempts { get; set; } = JobDefaults.IoRetryAttempts;

    /// <summary>First delay in seconds; doubles each retry. Default: 0.5.</summary>
    [Range(0.0, 3600.0)]
    public double BaseDelaySeconds { get; set; } = JobDefaults.IoRetryBaseDelaySeconds;

    /// <summary>Longest delay in seconds. Default: 30.</summary>
    [Range(0.0, 86400.0)]
    public double MaxDelaySeconds { get; set; } = JobDefaults.IoRetryMaxDelaySeconds;
}
