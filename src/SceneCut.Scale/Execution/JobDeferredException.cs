namespace SceneCut.Scale.Execution;

/// <summary>A job left pending by a transient fault (output folder away, shutdown): thrown so Hangfire retries it with backoff.</summary>
public sealed class JobDeferredException(string message) : Exception(message);
