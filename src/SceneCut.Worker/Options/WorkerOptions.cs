using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SceneCut.Worker.Options;

/// <summary>The watch-folder service (<c>Worker</c> in <c>appsettings.json</c>); job settings are in <c>Worker:Jobs</c>.</summary>
public sealed class WorkerOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Worker";

    /// <summary>Folders to watch. Required: at least one.</summary>
    [MinLength(1)]
    [ValidateEnumeratedItems]
    public WatchFolderOptions[] Folders { get; set; } = [];

    /// <summary>Where results go. Required; it must exist (a missing folder is treated as an unmounted share).</summary>
    [Required]
    [MinLength(1)]
    public string OutputFolder { get; set; } = "";

    /// <summary>Seconds size and modification time must stay unchanged before a file is taken. Default: 10.</summary>
    [Range(0.0, 86400.0)]
    public double StableSeconds { get; set; } = WorkerDefaults.StableSeconds;

    /// <summary>Seconds between full rescans. Default: 60.</summary>
    [Range(0.5, 86400.0)]
    public double RescanSeconds { get; set; } = WorkerDefaults.RescanSeconds;

    /// <summary>Seconds between stability checks. Default: 1.</summary>
    [Range(0.05, 3600.0)]
    public double PollSeconds { get; set; } = WorkerDefaults.PollSeconds;

    /// <summary>Files analysed at the same time. Default: 2.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = WorkerDefaults.Parallelism;

    /// <summary>Files waiting for a job slot. Default: 64.</summary>
    [Range(1, 100000)]
    public int QueueCapacity { get; set; } = WorkerDefaults.QueueCapacity;

    /// <summary>Seconds running jobs get to finish on shutdown before they are cancelled. Default: 30.</summary>
    [Range(0.0, 86400.0)]
    public double ShutdownDrainSeconds { get; set; } = WorkerDefaults.ShutdownDrainSeconds;

    /// <summary>Health file, rewritten every <see cref="HealthIntervalSeconds"/>. Default: <c>scenecut-worker.health.json</c> in the output folder.</summary>
    public string? HealthFile { get; set; }

    /// <summary>Seconds between health file updates. Default: 10.</summary>
    [Range(0.1, 3600.0)]
    public double HealthIntervalSeconds { get; set; } = WorkerDefaults.HealthIntervalSeconds;

    /// <summary>The health file's path.</summary>
    public string HealthFilePath => HealthFile is { Length: > 0 } file ? file : System.IO.Path.Combine(OutputFolder, "scenecut-worker.health.json");
}
