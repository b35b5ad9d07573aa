namespace SceneCut.Jobs.Ledger;

/// <summary>One ledger row: the analysis of one content.</summary>
/// <param name="Id">Row id.</param>
/// <param name="SourcePath">The path the content was analysed under (updated when it is moved).</param>
/// <param name="Size">Bytes.</param>
/// <param name="LastWriteUtc">Modification time when fingerprinted.</param>
/// <param name="ContentHash">Content hash.</param>
/// <param name="State">State.</param>
/// <param name="Attempts">Analysis attempts started and not released.</param>
/// <param name="LastError">The last failure, e.g. <c>NotAVideo: …</c>; null when none.</param>
/// <param name="Outputs">Result files (or the error document) written for <see cref="SourcePath"/>.</param>
/// <param name="CreatedUtc">When first seen.</param>
/// <param name="StartedUtc">When the last attempt started.</param>
/// <param name="FinishedUtc">When it reached Done or Quarantined.</param>
/// <param name="DurationSeconds">Analysis time of the successful attempt.</param>
/// <param name="Frames">Frames analysed.</param>
/// <param name="ToolVersion">Tool that produced the results.</param>
/// <param name="ModelVersion">Scene model used; null while the pipeline runs without one.</param>
public sealed record JobRecord(
    long Id,
    string SourcePath,
    long Size,
    DateTime LastWriteUtc,
    string ContentHash,
    JobState State,
    int Attempts,
    string? LastError,
    IReadOnlyList<string> Outputs,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? FinishedUtc,
    double? DurationSeconds,
    int? Frames,
    string? ToolVersion,
    string? ModelVersion);
