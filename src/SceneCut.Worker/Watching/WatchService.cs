using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Jobs;
using SceneCut.Jobs.Options;
using SceneCut.Worker.Health;
using SceneCut.Worker.Options;

namespace SceneCut.Worker.Watching;

/// <summary>
/// The watch-folder loop: watcher events and periodic rescans feed candidates; the stability tracker hands complete
/// files to the job intake (the bounded in-process queue, or the shared scale-out queue). On stop it takes no new work and gives running jobs the drain period.
/// </summary>
internal sealed partial class WatchService : BackgroundService
{
    private readonly WorkerOptions _options;
    private readonly JobRunner _runner;
    private readonly IJobIntake _queue;
    private readonly WorkerStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<WatchService> _logger;
    private readonly List<WatchedFolder> _folders;
    private readonly string? _quarantineFolder;
    private readonly ConcurrentQueue<string> _events = new();

    public WatchService(
        IOptions<WorkerOptions> options,
        IOptions<JobOptions> jobOptions,
        JobRunner runner,
        IJobIntake queue,
        WorkerStatus status,
        TimeProvider time,
        ILogger<WatchService> logger)
    {
        _options = options.Value;
        _runner = runner;
        _queue = queue;
        _status = status;
        _time = time;
        _logger = logger;
        _folders = _options.Folders.Select(f => new WatchedFolder(f)).ToList();
        _quarantineFolder = jobOptions.Value.Quarantine == QuarantineMode.Move ? Path.GetFullPath(jobOptions.Value.QuarantineFolder!) : null;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        foreach (var folder in _folders)
        {
            folder.StopWatching();
        }

        LogStopping(_queue.Running, _options.ShutdownDrainSeconds);
        await _queue.StopAsync(TimeSpan.FromSeconds(_options.ShutdownDrainSeconds), _time).ConfigureAwait(false);
        LogStopped();
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }

        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _queue.Start(OnOutcomeAsync);
        var tracker = new StabilityTracker(TimeSpan.FromSeconds(_options.StableSeconds), _time);
        var rescanEvery = TimeSpan.FromSeconds(_options.RescanSeconds);
        long? lastRescan = null;
        LogStarted(_folders.Count, _options.OutputFolder, _options.Parallelism);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lastRescan is null || _time.GetElapsedTime(lastRescan.Value) >= rescanEvery)
                {
                    Rescan(tracker);
                    lastRescan = _time.GetTimestamp();
                }

                while (_events.TryDequeue(out var path))
                {
                    ObservePath(tracker, path);
                }

                foreach (var input in tracker.TakeReady())
                {
                    // Waits while the queue is full: back-pressure keeps memory bounded on a flood of files.
                    await _queue.EnqueueAsync(input, stoppingToken).ConfigureAwait(false);
                }

                await Task.Delay(TimeSpan.FromSeconds(_options.PollSeconds), _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A scan error (a share dropping mid-listing) must not end the service: log and go on.
                LogLoopError(ex);
                await Task.Delay(TimeSpan.FromSeconds(_options.PollSeconds), _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private void Rescan(StabilityTracker tracker)
    {
        var missing = 0;
        foreach (var folder in _folders)
        {
            if (!folder.Exists)
            {
                missing++;
                LogFolderMissing(folder.Root);
                folder.StopWatching();
                continue;
            }

            folder.EnsureWatching(_events.Enqueue, ex => LogWatcherError(ex, folder.Root));
            foreach (var input in folder.Scan())
            {
                Observe(tracker, input);
            }
        }

        _status.Rescanned(_time.GetUtcNow(), missing);
    }

    private void ObservePath(StabilityTracker tracker, string path)
    {
        foreach (var folder in _folders)
        {
            if (folder.InputFor(path) is { } input)
            {
                Observe(tracker, input);
                return;
            }
        }
    }

    private void Observe(StabilityTracker tracker, JobInput input)
    {
        var path = input.SourcePath;
        if (_queue.Contains(path) || IsOwnFile(path) || !File.Exists(path))
        {
            return;
        }

        var file = new FileInfo(path);
        // Settled files are passed by without hashing or waiting: rescans of a large folder stay cheap.
        if (!_runner.IsSettled(path, file.Length, file.LastWriteTimeUtc))
        {
            tracker.Observe(input);
        }
    }

    // Results, the ledger and quarantined files must never be taken as input, even when they lie in a watched folder.
    private bool IsOwnFile(string path) =>
        _runner.Layout.Contains(path)
        || path.StartsWith(_runner.Ledger.Path, StringComparison.Ordinal)
        || (_quarantineFolder is not null && path.StartsWith(_quarantineFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    private ValueTask OnOutcomeAsync(JobOutcome outcome)
    {
        if (outcome.Succeeded)
        {
            _status.AddSucceeded();
        }
        else if (outcome.Kind == OutcomeKind.Quarantined)
        {
            _status.AddQuarantined();
        }
        else if (outcome.Kind is OutcomeKind.Deferred or OutcomeKind.Cancelled)
        {
            _status.AddDeferred();
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {FolderCount} folder(s), results to {OutputFolder}, {Parallelism} job(s) at a time")]
    private partial void LogStarted(int folderCount, string outputFolder, int parallelism);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watched folder {Folder} is missing; retrying at the next rescan")]
    private partial void LogFolderMissing(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watcher on {Folder} failed; the rescan covers it")]
    private partial void LogWatcherError(Exception exception, string folder);

    [LoggerMessage(Level = LogLevel.Error, Message = "Watch loop error; continuing")]
    private partial void LogLoopError(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: no new files; {Running} running job(s) get up to {DrainSeconds} s")]
    private partial void LogStopping(int running, double drainSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped; unfinished files resume on the next start")]
    private partial void LogStopped();
}
