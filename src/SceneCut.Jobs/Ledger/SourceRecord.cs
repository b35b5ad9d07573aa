namespace SceneCut.Jobs.Ledger;

/// <summary>A path seen with a given size and modification time, and the job its content belongs to.</summary>
/// <param name="Path">The source path.</param>
/// <param name="JobId">The job of its content.</param>
/// <param name="Size">Bytes when last seen.</param>
/// <param name="LastWriteUtc">Modification time when last seen.</param>
/// <param name="JobState">The job's state.</param>
/// <param name="Outputs">Results written for this path (for a duplicate: its own copies).</param>
public sealed record SourceRecord(string Path, long JobId, long Size, DateTime LastWriteUtc, JobState JobState, IReadOnlyList<string> Outputs);
