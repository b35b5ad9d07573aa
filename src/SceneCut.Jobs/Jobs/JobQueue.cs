using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SceneCut.Jobs.Metrics;
using SceneCut.Pipeline;

namespace SceneCut.Jobs.Jobs;

/// <summary>
/// A bounded queue in front of a fixed number of job loops. Producers wait when it is full (back-pressure instead
/// of unbounded memory); the same path is never queued twice at once. Stopping takes no new work, gives running jobs
/// a drain period, then cancels them (the ledger leaves them pending).
/// </summary>
public sealed partial class JobQueue : IJobIntake, IAsyncDisposable
{
    private readonly JobRunner _runner;
    private readonly Channel<JobInput> _channel;
    private readonly ConcurrentDictionary<string, byte> _queuedOrRunning = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopTaking = new();
    private readonly CancellationTokenSource _stopJobs = new();
    private readonly int _parallelism;
    private readonly ILogger _logger;
    private Task _completion = Task.CompletedTask;
    private int _running;

    /// <summary>Creates the queue; call <see cref="Start"/> to run jobs.</summary>
    public JobQueue(JobRunner runner, int parallelism, int capacity, JobMetrics metrics, ILogger<JobQueue> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _runner = runner;
        _parallelism = parallelism;
        _logger = logger;
        _channel = Channel.CreateBounded<JobInput>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });
        metrics.Meter.CreateObservableGauge("scenecut.jobs.queue.depth", () => Depth, "{file}", "Files waiting for a job slot.");
        metrics.Meter.CreateObservableGauge("scenecut.jobs.running", () => Running, "{file}", "Files being processed.");
    }

    /// <summary>Files waiting.</summary>
    public int Depth => _channel.Reader.Count;

    /// <summary>Files being processed.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Ends when every loop has ended.</summary>
    public Task Completion => _completion;

    /// <summary>
    /// Starts the job loops. <paramref name="onOutcome"/> sees every outcome; <paramref name="progressFor"/> may give a
    /// progress sink per file.
    /// </summary>
    public void Start(Func<JobOutcome, ValueTask> onOutcome, Func<JobInput, IProgress<PipelineProgress>?>? progressFor)
    {
        _completion = Task.WhenAll(Enumerable.Range(0, _parallelism).Select(_ => Task.Run(() => LoopAsync(onOutcome, progressFor))));
    }

    /// <inheritdoc />
    public void Start(Func<JobOutcome, ValueTask> onOutcome) => Start(onOutcome, progressFor: null);

    /// <summary>True when <paramref name="path"/> is queued or being processed.</summary>
    public bool Contains(string path) => _queuedOrRunning.ContainsKey(path);

    /// <summary>Queues <paramref name="input"/>, waiting while the queue is full; false when it is already queued or the queue is closed.</summary>
    public async ValueTask<bool> EnqueueAsync(JobInput input, CancellationToken cancellationToken)
    {
        if (!_queuedOrRunning.TryAdd(input.SourcePath, 0))
        {
            return false;
        }

        try
        {
            await _channel.Writer.WriteAsync(input, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is ChannelClosedException or OperationCanceledException)
        {
            _queuedOrRunning.TryRemove(input.SourcePath, out _);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            return false;
        }
    }

    /// <summary>No more input: the loops finish what is queued, then end (the batch's way to finish).</summary>
    public void Complete() => _channel.Writer.TryComplete();

    /// <summary>
    /// Takes no new work, lets running jobs finish for up to <paramref name="drain"/>, then cancels them. What was
    /// queued and not started stays in the ledger (or on disk) for the next run.
    /// </summary>
    public async Task StopAsync(TimeSpan drain, TimeProvider time)
    {
        _channel.Writer.TryComplete();
        await _stopTaking.CancelAsync().ConfigureAwait(false);
        try
        {
            await _completion.WaitAsync(drain, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogDrainTimedOut(Running, drain.TotalSeconds);
            await _stopJobs.CancelAsync().ConfigureAwait(false);
            await _completion.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _stopTaking.CancelAsync().ConfigureAwait(false);
        await _stopJobs.CancelAsync().ConfigureAwait(false);
        await _completion.ConfigureAwait(false);
        _stopTaking.Dispose();
        _stopJobs.Dispose();
    }

    private async Task LoopAsync(Func<JobOutcome, ValueTask> onOutcome, Func<JobInput, IProgress<PipelineProgress>?>? progressFor)
    {
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopTaking.Token).ConfigureAwait(false))
            {
                // Checked before each file: after a stop request, queued files are left for the next run.
                while (!_stopTaking.IsCancellationRequested && reader.TryRead(out var input))
                {
                    Interlocked.Increment(ref _running);
                    JobOutcome outcome;
                    try
                    {
                        outcome = await _runner.ProcessAsync(input, progressFor?.Invoke(input), _stopJobs.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _running);
                        _queuedOrRunning.TryRemove(input.SourcePath, out _);
                    }

                    try
                    {
                        await onOutcome(outcome).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogOutcomeHandlerFailed(ex, input.SourcePath);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stopTaking.IsCancellationRequested)
        {
            // Stopping: the loop ends; nothing is lost, the ledger keeps unfinished files pending.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown: {Running} job(s) still running after {DrainSeconds} s; cancelling them (they resume on the next start)")]
    private partial void LogDrainTimedOut(int running, double drainSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: the outcome handler failed")]
    private partial void LogOutcomeHandlerFailed(Exception exception, string path);
}
