using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SceneCut.Jobs.Options;

/// <summary>
/// How files are turned into results, shared by the worker and <c>scenecut batch</c>; bound from
/// <c>Worker:Jobs</c> in <c>appsettings.json</c>.
/// </summary>
public sealed class JobOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Worker:Jobs";

    /// <summary>Result formats to write (names from <see cref="SceneCut.Output.OutputFormats"/>; rendered with the <c>SceneCut:Output</c> options). Default: <c>["json"]</c>.</summary>
    [MinLength(1)]
    public string[] Formats { get; set; } = [JobDefaults.Format];

    /// <summary>Analysis attempts of one file before it is quarantined. Default: 3.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = JobDefaults.MaxAttempts;

    /// <summary>
    /// Bytes hashed from the start and from the end of a file for its fingerprint; 0 hashes the whole file.
    /// Default: 1 MiB.
    /// </summary>
    [Range(0, long.MaxValue)]
    public long HashSampleBytes { get; set; } = JobDefaults.HashSampleBytes;

    /// <summary>What happens to a file that cannot be analysed. Default: <see cref="QuarantineMode.Mark"/>.</summary>
    public QuarantineMode Quarantine { get; set; } = QuarantineMode.Mark;

    /// <summary>
    /// Quarantine a file, instead of writing its results, when more than this percentage of its frames decoded with
    /// errors (<c>processing.decodeHealth.damagedShare</c>): its shots would mostly be the damage. Default: 100 (never).
    /// </summary>
    [Range(0.0, 100.0)]
    public double MaxDamagedFramePercent { get; set; } = JobDefaults.MaxDamagedFramePercent;

    /// <summary>Where quarantined files are moved when <see cref="Quarantine"/> is Move. Default: none.</summary>
    public string? QuarantineFolder { get; set; }

    /// <summary>The ledger database file. Default: <c>.scenecut-ledger.db</c> inside the output folder.</summary>
    public string? LedgerPath { get; set; }

    /// <summary>Retry, timeout and circuit breaker settings.</summary>
    [ValidateObjectMembers]
    public JobResilienceOptions Resilience { get; set; } = new();
}
