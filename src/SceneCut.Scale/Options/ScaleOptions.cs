using System.ComponentModel.DataAnnotations;

namespace SceneCut.Scale.Options;

/// <summary>
/// The <c>Scale</c> section of <c>appsettings.json</c> (environment: <c>Scale__Mode=Hangfire</c>,
/// <c>Scale__ConnectionString=Host=db;...</c>). Defaults in <see cref="ScaleDefaults"/>.
/// </summary>
public sealed class ScaleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Scale";

    /// <summary>Embedded (default) or Hangfire.</summary>
    public ScaleMode Mode { get; set; } = ScaleMode.Embedded;

    /// <summary>Npgsql connection string of the shared database; required in Hangfire mode.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Jobs this node runs at once. Default 2.</summary>
    [Range(1, 256)]
    public int WorkerCount { get; set; } = ScaleDefaults.WorkerCount;

    /// <summary>Seconds before a dead node's job runs elsewhere. Default 300.</summary>
    [Range(1, 86400)]
    public double InvisibilityTimeoutSeconds { get; set; } = ScaleDefaults.InvisibilityTimeoutSeconds;

    /// <summary>Seconds between looks into the shared queue. Default 2.</summary>
    [Range(0.1, 60)]
    public double QueuePollSeconds { get; set; } = ScaleDefaults.QueuePollSeconds;

    /// <summary>Runs of a job that keeps hitting transient faults before it is marked failed. Default 3.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = ScaleDefaults.MaxAttempts;

    /// <summary>
    /// Backoff before each retry, in seconds; the last applies to later retries. Default 10, 60, 300 (null here: the
    /// configuration binder appends to an initialised array instead of replacing it).
    /// </summary>
    public int[]? RetryDelaysSeconds { get; set; }

    /// <summary>Seconds to wait at start for the database. Default 120.</summary>
    [Range(0, 86400)]
    public double StartupWaitSeconds { get; set; } = ScaleDefaults.StartupWaitSeconds;

    /// <summary>Seconds before an orphaned content claim (never enqueued) is taken over. Default 120.</summary>
    [Range(1, 86400)]
    public double ClaimOrphanSeconds { get; set; } = ScaleDefaults.ClaimOrphanSeconds;

    /// <summary>Seconds before a lock left by a node that lost the database is taken as abandoned. Default 60.</summary>
    [Range(1, 86400)]
    public double LockTimeoutSeconds { get; set; } = ScaleDefaults.LockTimeoutSeconds;

    /// <summary>Node-local SQLite ledger of the job runner; default a per-process file in the temp folder, removed at stop.</summary>
    public string? NodeLedgerPath { get; set; }
}
