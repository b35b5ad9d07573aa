using System.Text.Json;
using SceneCut.Jobs.Output;

namespace SceneCut.Jobs.Jobs;

/// <summary>The machine-readable summary of one batch run (<c>scenecut-batch-summary.json</c> in the output folder).</summary>
/// <param name="SchemaVersion">Version of this document's shape (1).</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="FinishedUtc">When it ended.</param>
/// <param name="Ledger">The ledger file used.</param>
/// <param name="Counts">Files per outcome name.</param>
/// <param name="Failed">Files without results (quarantined, deferred, cancelled, vanished).</param>
/// <param name="Files">Every file of the run.</param>
public sealed record BatchSummary(
    int SchemaVersion,
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc,
    string Ledger,
    IReadOnlyDictionary<string, int> Counts,
    int Failed,
    IReadOnlyList<BatchFileResult> Files)
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "scenecut-batch-summary.json";

    /// <summary>Serialises the summary, indented.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JobsJsonContext.Default.BatchSummary);
}
