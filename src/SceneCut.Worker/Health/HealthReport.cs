namespace SceneCut.Worker.Health;

/// <summary>The health file's content.</summary>
/// <param name="Status"><c>Healthy</c>, <c>Degraded</c> (output circuit open or a watched folder missing) or <c>Unhealthy</c> (rescans stalled).</param>
/// <param name="Utc">When written; a probe treats an old file as a dead worker.</param>
/// <param name="ProcessId">The worker's process id.</param>
/// <param name="LastRescanUtc">When the last full rescan finished.</param>
/// <param name="QueueDepth">Files waiting for a job slot.</param>
/// <param name="Running">Files being analysed.</param>
/// <param name="OutputCircuitOpen">True while the output folder refuses writes.</param>
/// <param name="MissingFolders">Watched folders missing at the last rescan.</param>
/// <param name="Succeeded">Files with results since start.</param>
/// <param name="Quarantined">Files quarantined since start.</param>
/// <param name="Deferred">Files left pending since start.</param>
public sealed record HealthReport(
    string Status,
    DateTimeOffset Utc,
    int ProcessId,
    DateTimeOffset? LastRescanUtc,
    int QueueDepth,
    int Running,
    bool OutputCircuitOpen,
    int MissingFolders,
    long Succeeded,
    long Quarantined,
    long Deferred);
