namespace SceneCut.Jobs.Resilience;

/// <summary>Names of the resilience pipelines in the registry (also the names in their telemetry).</summary>
public static class JobPipelineNames
{
    /// <summary>Retry of transient I/O on source files (fingerprinting, quarantine moves).</summary>
    public const string SourceIo = "scenecut-source-io";

    /// <summary>Retry plus circuit breaker on result writes to the output folder.</summary>
    public const string Output = "scenecut-output";

    /// <summary>Per-attempt timeout scaled to the video's duration.</summary>
    public const string Analysis = "scenecut-analysis";

    /// <summary>Spacing of analysis attempts (exponential backoff with jitter) until quarantine.</summary>
    public const string Attempts = "scenecut-attempts";
}
