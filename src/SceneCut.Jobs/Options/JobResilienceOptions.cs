using Microsoft.Extensions.Options;

namespace SceneCut.Jobs.Options;

/// <summary>Settings of the resilience pipelines (<c>Worker:Jobs:Resilience</c>).</summary>
public sealed class JobResilienceOptions
{
    /// <summary>Retry of transient I/O: reading a source, writing a result.</summary>
    [ValidateObjectMembers]
    public IoRetryOptions Retry { get; set; } = new();

    /// <summary>Delay between analysis attempts of one file.</summary>
    [ValidateObjectMembers]
    public AttemptOptions Attempts { get; set; } = new();

    /// <summary>Per-file analysis timeout scaled to the video's duration.</summary>
    [ValidateObjectMembers]
    public FileTimeoutOptions Timeout { get; set; } = new();

    /// <summary>Circuit breaker on the output folder.</summary>
    [ValidateObjectMembers]
    public OutputBreakerOptions CircuitBreaker { get; set; } = new();
}
