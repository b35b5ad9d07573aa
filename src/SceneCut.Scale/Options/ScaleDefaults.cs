namespace SceneCut.Scale.Options;

/// <summary>Defaults of <see cref="ScaleOptions"/>, in one place.</summary>
public static class ScaleDefaults
{
    /// <summary>Jobs one node runs at once (Hangfire's WorkerCount); 2 suits a 2-core node, the analysis is CPU-bound.</summary>
    public const int WorkerCount = 2;

    /// <summary>
    /// Seconds after which a job fetched by a node that stopped sending heartbeats (killed, power loss) is fetched again.
    /// With the sliding timeout a running job's heartbeat keeps it invisible however long it runs.
    /// </summary>
    public const double InvisibilityTimeoutSeconds = 300;

    /// <summary>Seconds between a node's looks into the shared queue when it has free capacity.</summary>
    public const double QueuePollSeconds = 2;

    /// <summary>Times Hangfire runs a job that ended in a transient fault (output folder away, database hiccup).</summary>
    public const int MaxAttempts = 3;

    /// <summary>Backoff before each retry of a job, in seconds.</summary>
    public static readonly int[] RetryDelaysSeconds = [10, 60, 300];

    /// <summary>Seconds the worker waits at start for the database before giving up with a clear message.</summary>
    public const double StartupWaitSeconds = 120;

    /// <summary>Seconds a content claim whose job was never enqueued (the node died in between) waits before another node takes it.</summary>
    public const double ClaimOrphanSeconds = 120;

    /// <summary>
    /// Seconds after which a Hangfire lock row is taken as abandoned. Hangfire.PostgreSql's locks are rows, not sessions:
    /// a node that loses the database while holding one (a job's state-lock, mid state change) leaves it behind, and that
    /// job cannot change state until it expires (the library's default is 10 minutes). SceneCut holds Hangfire's locks
    /// for milliseconds (state changes, the scheduler's poll); it uses no recurring or non-concurrent jobs.
    /// </summary>
    public const double LockTimeoutSeconds = 60;

    /// <summary>The Hangfire queue SceneCut's jobs go to.</summary>
    public const string Queue = "scenecut";

    /// <summary>PostgreSQL schema for Hangfire's tables and SceneCut's content claims.</summary>
    public const string Schema = "scenecut_hangfire";
}
