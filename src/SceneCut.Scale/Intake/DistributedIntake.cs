using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Jobs;
using SceneCut.Jobs.Ledger;
using SceneCut.Jobs.Metrics;
using SceneCut.Jobs.Options;
using SceneCut.Scale.Claims;
using SceneCut.Scale.Execution;
using SceneCut.Scale.Options;

namespace SceneCut.Scale.Intake;

/// <summary>
/// The scale-out intake: a complete file is fingerprinted, claimed by content in PostgreSQL, and only the node that
/// wins the claim enqueues its Hangfire job. Any node with free capacity runs it.
/// </summary>
public sealed partial class DistributedIntake : IJobIntake
{
    private readonly ContentClaims _claims;
    private readonly DuplicateNames _names;
    private readonly IBackgroundJobClient _client;
    private readonly JobStorage _storage;
    private readonly NodeActivity _activity;
    private readonly JobOptions _jobOptions;
    private readonly ILogger<DistributedIntake> _logger;

    // Paths already handed on with the size and time they had: rescans pass them by without hashing again.
    private readonly ConcurrentDictionary<string, (long Size, DateTime LastWriteUtc)> _handled = new(StringComparer.Ordinal);

    /// <summary>Creates the intake; it also publishes the shared queue's depth as a metric.</summary>
    public DistributedIntake(
        ContentClaims claims, DuplicateNames names, IBackgroundJobClient client, JobStorage storage, NodeActivity activity, IOptions<JobOptions> jobOptions,
        JobMetrics metrics, ILogger<DistributedIntake> logger)
    {
        _claims = claims;
        _names = names;
        _client = client;
        _storage = storage;
        _activity = activity;
        _jobOptions = jobOptions.Value;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("scenecut.scale.queue.depth", () => Depth, "{file}", "Jobs waiting in the shared queue (all nodes).");
        metrics.Meter.CreateObservableGauge("scenecut.scale.running", () => Running, "{file}", "Jobs this node is running.");
    }

    /// <inheritdoc />
    public int Depth
    {
        get
        {
            try
            {
                return (int)_storage.GetMonitoringApi().EnqueuedCount(ScaleDefaults.Queue);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database is away: the depth is unknown, and a gauge must not throw.
                return -1;
            }
        }
    }

    /// <inheritdoc />
    public int Running => _activity.Running;

    /// <inheritdoc />
    public void Start(Func<JobOutcome, ValueTask> onOutcome) => _activity.OnOutcome(onOutcome);

    /// <inheritdoc />
    public bool Contains(string path)
    {
        if (!_handled.TryGetValue(path, out var seen))
        {
            return false;
        }

        var file = new FileInfo(path);
        return file.Exists && file.Length == seen.Size && file.LastWriteTimeUtc == seen.LastWriteUtc;
    }

    /// <inheritdoc />
    public async ValueTask<bool> EnqueueAsync(JobInput input, CancellationToken cancellationToken) =>
        (await ClaimAndEnqueueAsync(input, cancellationToken).ConfigureAwait(false)).Enqueued;

    /// <summary>
    /// Fingerprints <paramref name="input"/>, claims its content and, when this caller won the claim, enqueues its job.
    /// The one path to a job for the folder watcher and <c>scenecut enqueue</c>: one job per content across all nodes.
    /// </summary>
    public async Task<IntakeResult> ClaimAndEnqueueAsync(JobInput input, CancellationToken cancellationToken)
    {
        var fingerprint = await FileFingerprinter.ComputeAsync(input.SourcePath, _jobOptions.HashSampleBytes, cancellationToken).ConfigureAwait(false);
        var claim = await _claims.TryClaimAsync(fingerprint.Hash, fingerprint.Size, input.SourcePath, cancellationToken).ConfigureAwait(false);
        string? jobId = null;
        if (claim == ClaimState.Claimed)
        {
            // The queue goes into the job itself: Hangfire re-enqueues a retried job on the job's queue, and on "default"
            // (which no SceneCut node serves) when only the first EnqueuedState named ours.
            var job = Job.FromExpression<AnalyseFileJob>(j => j.RunAsync(fingerprint.Hash, input.SourcePath, input.RelativePath, null, CancellationToken.None), ScaleDefaults.Queue);
            jobId = _client.Create(job, new EnqueuedState(ScaleDefaults.Queue));
            await _claims.MarkEnqueuedAsync(fingerprint.Hash, jobId, cancellationToken).ConfigureAwait(false);
            LogEnqueued(input.SourcePath, jobId);
        }

        // The same content under another name: recorded, and its results copied once the content is Done (or its error
        // document written once it is Quarantined; a Failed content's names wait until it is retried).
        var newName = claim is ClaimState.Enqueued or ClaimState.Done or ClaimState.Quarantined or ClaimState.Failed
            && await _names.AddAsync(fingerprint.Hash, input, cancellationToken).ConfigureAwait(false);

        // Enqueued here or elsewhere, this version of the file needs no second look; a claim another node holds
        // without a job yet does (it may die first, and its claim is then taken over after Scale:ClaimOrphanSeconds).
        if (claim is not null)
        {
            _handled[input.SourcePath] = (fingerprint.Size, fingerprint.LastWriteUtc);
        }

        return new IntakeResult(fingerprint.Hash, claim, jobId, newName);
    }

    /// <inheritdoc />
    public Task StopAsync(TimeSpan drain, TimeProvider time) =>
        // Hangfire's server drains its own jobs (ShutdownTimeout); nothing is queued in this process.
        Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: enqueued as job {JobId}")]
    private partial void LogEnqueued(string path, string jobId);
}
