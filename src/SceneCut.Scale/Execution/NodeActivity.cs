using SceneCut.Jobs.Jobs;

namespace SceneCut.Scale.Execution;

/// <summary>What this node is running now, and where its outcomes go (the worker's status and health file).</summary>
public sealed class NodeActivity
{
    private Func<JobOutcome, ValueTask> _onOutcome = static _ => ValueTask.CompletedTask;
    private int _running;

    /// <summary>Jobs running on this node.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Sets the receiver of outcomes.</summary>
    public void OnOutcome(Func<JobOutcome, ValueTask> onOutcome) => _onOutcome = onOutcome;

    internal void Started() => Interlocked.Increment(ref _running);

    internal void Ended() => Interlocked.Decrement(ref _running);

    internal ValueTask ReportAsync(JobOutcome outcome) => _onOutcome(outcome);
}
