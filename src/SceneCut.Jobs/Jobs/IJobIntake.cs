namespace SceneCut.Jobs.Jobs;

/// <summary>
/// Where the folder watcher hands complete files: the embedded <see cref="JobQueue"/> runs them in this process; the
/// scale-out mode enqueues them for any node. The watcher neither knows nor cares which.
/// </summary>
public interface IJobIntake
{
    /// <summary>Files waiting to run (on this node, or in the shared queue).</summary>
    int Depth { get; }

    /// <summary>Files being processed by this node.</summary>
    int Running { get; }

    /// <summary>Starts taking work; <paramref name="onOutcome"/> sees the outcome of every file this node runs.</summary>
    void Start(Func<JobOutcome, ValueTask> onOutcome);

    /// <summary>True when <paramref name="path"/> is already taken in and needs no second look now.</summary>
    bool Contains(string path);

    /// <summary>Takes <paramref name="input"/> in; false when it was already taken in.</summary>
    ValueTask<bool> EnqueueAsync(JobInput input, CancellationToken cancellationToken);

    /// <summary>Takes no new work and lets running jobs finish for up to <paramref name="drain"/>.</summary>
    Task StopAsync(TimeSpan drain, TimeProvider time);
}
