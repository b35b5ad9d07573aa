namespace SceneCut.Worker.Health;

/// <summary>What the worker has done since it started, for the health file; updated by the watch service.</summary>
public sealed class WorkerStatus
{
    private long _lastRescanTicks;
    private int _missingFolders;
    private long _succeeded;
    private long _quarantined;
    private long _deferred;

    /// <summary>When the last full rescan finished; null before the first.</summary>
    public DateTimeOffset? LastRescanUtc => Interlocked.Read(ref _lastRescanTicks) is var t && t == 0 ? null : new DateTimeOffset(t, TimeSpan.Zero);

    /// <summary>Watched folders missing at the last rescan.</summary>
    public int MissingFolders => Volatile.Read(ref _missingFolders);

    /// <summary>Files with results since start (analysed, duplicates, moves).</summary>
    public long Succeeded => Interlocked.Read(ref _succeeded);

    /// <summary>Files quarantined since start.</summary>
    public long Quarantined => Interlocked.Read(ref _quarantined);

    /// <summary>Files left pending since start (output folder unavailable, shutdown).</summary>
    public long Deferred => Interlocked.Read(ref _deferred);

    internal void Rescanned(DateTimeOffset when, int missingFolders)
    {
        Interlocked.Exchange(ref _lastRescanTicks, when.UtcTicks);
        Volatile.Write(ref _missingFolders, missingFolders);
    }

    internal void AddSucceeded() => Interlocked.Increment(ref _succeeded);

    internal void AddQuarantined() => Interlocked.Increment(ref _quarantined);

    internal void AddDeferred() => Interlocked.Increment(ref _deferred);
}
