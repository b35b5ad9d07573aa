namespace SceneCut.Worker.Options;

/// <summary>The default of every worker setting in one place.</summary>
public static class WorkerDefaults
{
    /// <summary>Seconds a file's size and modification time must stay unchanged before it is taken.</summary>
    public const double StableSeconds = 10;

    /// <summary>Seconds between full rescans of every watched folder (watchers miss events on network shares).</summary>
    public const double RescanSeconds = 60;

    /// <summary>Seconds between stability checks of candidate files.</summary>
    public const double PollSeconds = 1;

    /// <summary>Files analysed at the same time.</summary>
    public const int Parallelism = 2;

    /// <summary>Files waiting for a job slot before producers wait.</summary>
    public const int QueueCapacity = 64;

    /// <summary>Seconds running jobs get to finish after a stop request.</summary>
    public const double ShutdownDrainSeconds = 30;

    /// <summary>Seconds between health file updates.</summary>
    public const double HealthIntervalSeconds = 10;

    /// <summary>A rescan older than this many rescan intervals marks the worker unhealthy.</summary>
    public const int StaleRescanIntervals = 3;
}
