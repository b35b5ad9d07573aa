using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;
using SceneCut.Jobs.Ledger;
using SceneCut.Jobs.Metrics;
using SceneCut.Jobs.Options;
using SceneCut.Jobs.Output;
using SceneCut.Jobs.Resilience;
using SceneCut.Output;
using SceneCut.Pipeline;
using SceneCut.Results;
using SceneCut.Video;

namespace SceneCut.Jobs.Jobs;

/// <summary>
/// Turns one source file into results, exactly once per content: fingerprint, claim in the ledger, analyse with
/// retries and a timeout, write results atomically, record. Shared by the worker and <c>scenecut batch</c>.
/// Never throws for a bad file: every file ends in a <see cref="JobOutcome"/>.
/// </summary>
public sealed partial class JobRunner
{
    private readonly JobLedger _ledger;
    private readonly OutputLayout _layout;
    private readonly ResultSink _sink;
    private readonly JobOptions _options;
    private readonly PipelineOptions _pipelineOptions;
    private readonly ResiliencePipeline _sourceIo;
    private readonly ResiliencePipeline _output;
    private readonly ResiliencePipeline _analysis;
    private readonly ResiliencePipeline _attempts;
    private readonly OutputCircuit _circuit;
    private readonly JobMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<JobRunner> _logger;

    // Jobs this process is analysing, so a second name of the same content waits for the first instead of polling.
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _inFlight = new();
    private readonly Lock _claimGate = new();

    public JobRunner(
        JobLedger ledger,
        OutputLayout layout,
        ResultSink sink,
        JobOptions options,
        PipelineOptions pipelineOptions,
        ResiliencePipelineProvider<string> pipelines,
        OutputCircuit circuit,
        JobMetrics metrics,
        TimeProvider time,
        ILogger<JobRunner> logger)
    {
        _ledger = ledger;
        _layout = layout;
        _sink = sink;
        _options = options;
        _pipelineOptions = pipelineOptions;
        _sourceIo = pipelines.GetPipeline(JobPipelineNames.SourceIo);
        _output = pipelines.GetPipeline(JobPipelineNames.Output);
        _analysis = pipelines.GetPipeline(JobPipelineNames.Analysis);
        _attempts = pipelines.GetPipeline(JobPipelineNames.Attempts);
        _circuit = circuit;
        _metrics = metrics;
        _time = time;
        _logger = logger;
    }

    /// <summary>The ledger this runner records into.</summary>
    public JobLedger Ledger => _ledger;

    /// <summary>Where results go.</summary>
    public OutputLayout Layout => _layout;

    /// <summary>True while the output folder's circuit is open.</summary>
    public bool OutputCircuitOpen => _circuit.IsOpen;

    /// <summary>
    /// True when <paramref name="path"/> is settled (Done or Quarantined) with this size and modification time, so a
    /// rescan can pass it by without hashing or waiting for it to be stable.
    /// </summary>
    public bool IsSettled(string path, long size, DateTime lastWriteUtc) =>
        _ledger.FindSource(path) is { } known && IsSettled(known, size, lastWriteUtc);

    /// <summary>Processes <paramref name="input"/>; cancellation (shutdown) leaves it pending for the next run.</summary>
    public async Task<JobOutcome> ProcessAsync(JobInput input, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        JobOutcome outcome;
        try
        {
            outcome = await ProcessCoreAsync(input, progress, started, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = Outcome(input, OutcomeKind.Cancelled, started, "stopped by shutdown");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            outcome = Outcome(input, OutcomeKind.Vanished, started, ex.Message);
        }
        catch (OutputPathOutsideFolderException ex)
        {
            // A job whose results would land outside the output folder is refused, never followed; it stays pending.
            LogRefused(input.SourcePath, ex.RelativeSource);
            outcome = Outcome(input, OutcomeKind.Deferred, started, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One bad file must never stop the host: anything unforeseen leaves the file pending and is logged.
            LogUnexpected(ex, input.SourcePath);
            outcome = Outcome(input, OutcomeKind.Deferred, started, ex.Message);
        }

        LogOutcome(input.SourcePath, outcome.Kind, outcome.Seconds, outcome.Error);
        return outcome;
    }

    private async Task<JobOutcome> ProcessCoreAsync(JobInput input, IProgress<PipelineProgress>? progress, long started, CancellationToken cancellationToken)
    {
        var path = input.SourcePath;
        // Refuse a relative path that leaves the output folder before any work (in scale-out it comes from the database).
        _ = _layout.ErrorPathFor(input.RelativePath);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            return Outcome(input, OutcomeKind.Vanished, started, "file not found");
        }

        if (_ledger.FindSource(path) is { } known && IsSettled(known, file.Length, file.LastWriteTimeUtc))
        {
            _metrics.Skipped();
            return Outcome(input, known.JobState == JobState.Done ? OutcomeKind.Skipped : OutcomeKind.Quarantined, started, null, known.Outputs);
        }

        var fingerprint = await _sourceIo.ExecuteAsync(
            static (state, token) => new ValueTask<ContentFingerprint>(FileFingerprinter.ComputeAsync(state.path, state.sample, token)),
            (path, sample: _options.HashSampleBytes),
            cancellationToken).ConfigureAwait(false);

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ClaimResult claim;
            Task? busy = null;
            TaskCompletionSource? mine = null;
            lock (_claimGate)
            {
                claim = _ledger.Claim(path, fingerprint, _options.MaxAttempts);
                if (claim.Kind == ClaimKind.Run)
                {
                    mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _inFlight[claim.Job.Id] = mine;
                }
                else if (claim.Kind == ClaimKind.Busy && _inFlight.TryGetValue(claim.Job.Id, out var other))
                {
                    busy = other.Task;
                }
            }

            switch (claim.Kind)
            {
                case ClaimKind.Run:
                    try
                    {
                        return await AnalyseAsync(input, fingerprint, claim.Job, progress, started, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Never leave a job Running after an unforeseen failure: it would block its content until a restart.
                        _ledger.Release(claim.Job.Id, "Error: " + ex.Message);
                        throw;
                    }
                    finally
                    {
                        _inFlight.TryRemove(claim.Job.Id, out _);
                        mine!.TrySetResult();
                    }

                case ClaimKind.Busy:
                    // Same content under another name is being analysed right now: wait for it, then reuse its result.
                    await (busy ?? Task.Delay(TimeSpan.FromSeconds(1), _time, cancellationToken)).WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;

                case ClaimKind.Exhausted:
                    return await QuarantineAsync(input, fingerprint, claim.Job, "AttemptsExhausted", claim.Job.LastError ?? "no attempts left", started, cancellationToken).ConfigureAwait(false);

                case ClaimKind.Quarantined:
                    return await CopyQuarantineAsync(input, fingerprint, claim.Job, started, cancellationToken).ConfigureAwait(false);

                default:
                    if (await CopyResultsAsync(input, claim.Job, started, cancellationToken).ConfigureAwait(false) is { } copied)
                    {
                        return copied;
                    }

                    // The earlier results are gone: the job was reopened, so the next claim analyses it again.
                    continue;
            }
        }
    }

    private async Task<JobOutcome> AnalyseAsync(JobInput input, ContentFingerprint fingerprint, JobRecord job, IProgress<PipelineProgress>? progress, long started, CancellationToken cancellationToken)
    {
        if (_circuit.IsOpen && !await ProbeOutputAsync(cancellationToken).ConfigureAwait(false))
        {
            // No point analysing for results that cannot be written; the file stays pending.
            _ledger.Release(job.Id, "Deferred: output folder unavailable");
            return Outcome(input, OutcomeKind.Deferred, started, "output folder unavailable (circuit open)");
        }

        var attempts = job.Attempts;
        var first = true;
        ResultDocument document;
        try
        {
            document = await _attempts.ExecuteAsync(
                async token =>
                {
                    if (!first)
                    {
                        attempts = _ledger.Claim(input.SourcePath, fingerprint, int.MaxValue).Job.Attempts;
                    }

                    first = false;
                    return await AttemptAsync(input.SourcePath, job.Id, attempts, progress, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _ledger.Release(job.Id, "Cancelled: stopped by shutdown");
            throw;
        }
        catch (VideoInputException ex) when (ex.Error == VideoInputError.NotFound || !File.Exists(input.SourcePath))
        {
            // A decoder that reopens the file (FFmpeg probes, then decodes) reports a file renamed in between as
            // unreadable or "not a video": when the path is gone, that is a vanished file, never bad content.
            // Moved or deleted while we were on it: a rename shows up again under its new name, same content.
            _ledger.Release(job.Id, "Vanished: " + ex.Cause);
            return Outcome(input, OutcomeKind.Vanished, started, ex.Message);
        }
        catch (VideoInputException ex)
        {
            // Empty, not a video, no frames: the same bytes give the same answer, so no more attempts.
            return await QuarantineAsync(input, fingerprint, job, ex.Error.ToString(), ex.Cause, started, cancellationToken).ConfigureAwait(false);
        }
        catch (AttemptFailedException ex)
        {
            return await QuarantineAsync(input, fingerprint, _ledger.GetJob(job.Id), ex.Kind, ex.Message, started, cancellationToken).ConfigureAwait(false);
        }

        // Results of a file that is mostly damage would mislead: the same bytes give the same damage, so no more attempts.
        if (document.Processing.DecodeHealth is { DamagedShare: var share } health && share * 100 > _options.MaxDamagedFramePercent)
        {
            var damaged = string.Create(
                CultureInfo.InvariantCulture,
                $"{health.DamagedFrameCount} of {document.Video.FrameCount} frames ({share * 100:0.#} %) decoded with errors, more than the {_options.MaxDamagedFramePercent:0.#} % allowed");
            return await QuarantineAsync(input, fingerprint, job, "Damaged", damaged, started, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<string> outputs;
        try
        {
            outputs = await WriteResultsAsync(input.RelativePath, document, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BrokenCircuitException || TransientErrors.IsOutput(ex))
        {
            _ledger.Release(job.Id, "Deferred: " + ex.Message);
            return Outcome(input, OutcomeKind.Deferred, started, ex.Message);
        }

        _ledger.Complete(job.Id, input.SourcePath, outputs, document.Processing.ElapsedSeconds, document.Video.FrameCount, document.Processing.Tool, modelVersion: null);
        // A quarantine record of earlier content at this path would contradict the new result.
        AtomicFile.TryDelete(_layout.ErrorPathFor(input.RelativePath));
        var outcome = Outcome(input, OutcomeKind.Analysed, started, null, outputs) with { Frames = document.Video.FrameCount };
        _metrics.Done(outcome.Seconds, document.Processing.FramesPerSecond, analysed: true);
        return outcome;
    }

    // One attempt: probe the duration (for the timeout), then run the pipeline under the timeout. Failures that may
    // pass become AttemptFailedException (retried by the attempts pipeline while the ledger allows).
    private async Task<ResultDocument> AttemptAsync(string path, long jobId, int attempts, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var canRetry = attempts < _options.MaxAttempts;
        try
        {
            var mediaSeconds = DeclaredSeconds(path, cancellationToken);

            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            try
            {
                context.Properties.Set(JobContextKeys.MediaSeconds, mediaSeconds);
                return await _analysis.ExecuteAsync(
                    static async (ctx, state) => await ScenePipeline.RunAsync(state.path, state.options, state.progress, ctx.CancellationToken).ConfigureAwait(false),
                    context,
                    (path, options: _pipelineOptions, progress)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }
        catch (VideoInputException ex) when (ex.Error == VideoInputError.Unreadable)
        {
            throw Failed(jobId, "Unreadable", ex.Cause, canRetry, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Failed(jobId, "Timeout", $"analysis took longer than {ex.Timeout.TotalSeconds:0} s", canRetry, ex);
        }
        catch (Exception ex) when (ex is not VideoInputException and not OperationCanceledException)
        {
            throw Failed(jobId, "Error", ex.Message, canRetry, ex);
        }
    }

    // The declared duration sizes the timeout, read by the decoder that will analyse the file (another may disagree
    // about it or refuse it). A file that is not a video is left to the pipeline, whose error says why in full.
    private double DeclaredSeconds(string path, CancellationToken cancellationToken)
    {
        try
        {
            return FrameSourceFactory.Probe(path, _pipelineOptions.Decoding, cancellationToken).DeclaredDurationSeconds;
        }
        catch (VideoInputException ex) when (ex.Error is VideoInputError.NotAVideo or VideoInputError.NoFrames)
        {
            return 0;
        }
    }

    private AttemptFailedException Failed(long jobId, string kind, string message, bool canRetry, Exception ex)
    {
        _ledger.RecordFailure(jobId, $"{kind}: {message}");
        _metrics.AttemptFailed(kind);
        LogAttemptFailed(ex, jobId, kind, message, canRetry);
        return new AttemptFailedException(kind, message, canRetry, ex);
    }

    private async Task<JobOutcome> QuarantineAsync(JobInput input, ContentFingerprint fingerprint, JobRecord job, string kind, string message, long started, CancellationToken cancellationToken)
    {
        var attempts = _ledger.GetJob(job.Id).Attempts;
        string? movedTo = null;
        if (_options.Quarantine == QuarantineMode.Move && File.Exists(input.SourcePath))
        {
            movedTo = OutputLayout.Inside(_options.QuarantineFolder!, input.RelativePath);
            await _sourceIo.ExecuteAsync(
                static (state, _) =>
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(state.movedTo)!);
                    File.Move(state.source, state.movedTo, overwrite: true);
                    return ValueTask.CompletedTask;
                },
                (source: input.SourcePath, movedTo),
                cancellationToken).ConfigureAwait(false);
        }

        var document = new ErrorDocument(
            ErrorDocument.CurrentSchemaVersion, input.SourcePath, movedTo, fingerprint.Size, fingerprint.Hash, kind, message, attempts,
            _time.GetUtcNow(), ScenePipeline.ToolVersion);
        var errorPath = _layout.ErrorPathFor(input.RelativePath);
        try
        {
            await WriteAsync(errorPath, JsonSerializer.Serialize(document, JobsJsonContext.Default.ErrorDocument) + "\n", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BrokenCircuitException || TransientErrors.IsOutput(ex))
        {
            _ledger.Release(job.Id, "Deferred: " + ex.Message);
            return Outcome(input, OutcomeKind.Deferred, started, ex.Message);
        }

        // Results of earlier content at this path would contradict the quarantine record.
        DeleteResults(input.RelativePath);
        _ledger.Quarantine(job.Id, input.SourcePath, $"{kind}: {message}", [errorPath]);
        _metrics.Quarantined(kind);
        LogQuarantined(input.SourcePath, kind, message, attempts);
        return Outcome(input, OutcomeKind.Quarantined, started, $"{kind}: {message}", [errorPath]);
    }

    // Same content as a quarantined job: this name gets its own error document, no analysis.
    private async Task<JobOutcome> CopyQuarantineAsync(JobInput input, ContentFingerprint fingerprint, JobRecord job, long started, CancellationToken cancellationToken)
    {
        var error = job.LastError ?? "Error: unknown";
        var separator = error.IndexOf(": ", StringComparison.Ordinal);
        var (kind, message) = separator > 0 ? (error[..separator], error[(separator + 2)..]) : ("Error", error);
        var document = new ErrorDocument(
            ErrorDocument.CurrentSchemaVersion, input.SourcePath, null, fingerprint.Size, fingerprint.Hash, kind, message, job.Attempts,
            _time.GetUtcNow(), ScenePipeline.ToolVersion);
        var errorPath = _layout.ErrorPathFor(input.RelativePath);
        try
        {
            await WriteAsync(errorPath, JsonSerializer.Serialize(document, JobsJsonContext.Default.ErrorDocument) + "\n", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BrokenCircuitException || TransientErrors.IsOutput(ex))
        {
            return Outcome(input, OutcomeKind.Deferred, started, ex.Message);
        }

        DeleteResults(input.RelativePath);
        _ledger.SetSourceOutputs(input.SourcePath, [errorPath]);
        _metrics.Quarantined(kind);
        return Outcome(input, OutcomeKind.Quarantined, started, error, [errorPath]);
    }

    // Same content as a job that is Done: copy its results for this name (or move them when the old name is gone).
    // Returns null when the earlier results are missing and the job was reopened for analysis.
    private async Task<JobOutcome?> CopyResultsAsync(JobInput input, JobRecord job, long started, CancellationToken cancellationToken)
    {
        var jsonSuffix = "." + OutputLayout.ResultSuffix + _sink.Registry.Get(OutputFormats.Json).FileExtension;
        var previous = job.Outputs.FirstOrDefault(o => o.EndsWith(jsonSuffix, StringComparison.Ordinal));
        if (previous is null || !File.Exists(previous))
        {
            _ledger.Reopen(job.Id);
            return null;
        }

        if (string.Equals(job.SourcePath, input.SourcePath, StringComparison.Ordinal))
        {
            // Same path, same content, new modification time (e.g. touched): the results stand.
            _ledger.SetSourceOutputs(input.SourcePath, job.Outputs);
            _metrics.Skipped();
            return Outcome(input, OutcomeKind.Skipped, started, null, job.Outputs);
        }

        var document = ResultJson.Deserialize(await File.ReadAllTextAsync(previous, cancellationToken).ConfigureAwait(false));
        document = document with { Video = document.Video with { Path = input.SourcePath } };
        IReadOnlyList<string> outputs;
        try
        {
            outputs = await WriteResultsAsync(input.RelativePath, document, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BrokenCircuitException || TransientErrors.IsOutput(ex))
        {
            return Outcome(input, OutcomeKind.Deferred, started, ex.Message);
        }

        AtomicFile.TryDelete(_layout.ErrorPathFor(input.RelativePath));
        if (!File.Exists(job.SourcePath))
        {
            // Renamed or moved: the results follow the file, and the old name keeps none.
            foreach (var old in job.Outputs.Except(outputs, StringComparer.Ordinal))
            {
                AtomicFile.TryDelete(old);
            }

            _ledger.Move(job.Id, job.SourcePath, input.SourcePath, outputs);
            _metrics.Done(ElapsedSeconds(started), 0, analysed: false);
            return Outcome(input, OutcomeKind.Moved, started, null, outputs);
        }

        _ledger.SetSourceOutputs(input.SourcePath, outputs);
        _metrics.Done(ElapsedSeconds(started), 0, analysed: false);
        return Outcome(input, OutcomeKind.Duplicate, started, null, outputs);
    }

    // Polly moves an open circuit to half-open only when something executes through it: a tiny write is that trial,
    // and it is refused at once while the break lasts.
    private async Task<bool> ProbeOutputAsync(CancellationToken cancellationToken)
    {
        var probe = Path.Combine(_layout.Root, ".scenecut-write-probe");
        try
        {
            await WriteAsync(probe, "", cancellationToken).ConfigureAwait(false);
            AtomicFile.TryDelete(probe);
            return true;
        }
        catch (Exception ex) when (ex is BrokenCircuitException || TransientErrors.IsOutput(ex))
        {
            return false;
        }
    }

    private Task<IReadOnlyList<string>> WriteResultsAsync(string relativePath, ResultDocument document, CancellationToken cancellationToken)
    {
        // JSON is always written: duplicates and moves are rendered from it without a second analysis.
        var writers = _sink.Resolve(_options.Formats.Append(OutputFormats.Json));
        return _sink.WriteAsync(document, writers, writer => _layout.PathFor(relativePath, writer), WriteAsync, cancellationToken);
    }

    private Task WriteAsync(string path, string content, CancellationToken cancellationToken) =>
        WriteAsync(path, System.Text.Encoding.UTF8.GetBytes(content), cancellationToken);

    // Every write goes through the output pipeline (retries, circuit breaker) and makes its folder first.
    private Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        _output.ExecuteAsync(
            static async (state, token) =>
            {
                state.layout.EnsureFolderFor(state.path);
                await AtomicFile.WriteAllBytesAsync(state.path, state.content, token).ConfigureAwait(false);
            },
            (layout: _layout, path, content),
            cancellationToken).AsTask();

    private void DeleteResults(string relativePath)
    {
        foreach (var format in _sink.Registry.Formats)
        {
            AtomicFile.TryDelete(_layout.PathFor(relativePath, _sink.Registry.Get(format)));
        }
    }

    private static bool IsSettled(SourceRecord known, long size, DateTime lastWriteUtc) =>
        known.JobState is JobState.Done or JobState.Quarantined && known.Outputs.Count > 0 && known.Size == size && known.LastWriteUtc == lastWriteUtc;

    private JobOutcome Outcome(JobInput input, OutcomeKind kind, long started, string? error, IReadOnlyList<string>? outputs = null) =>
        new(input, kind, 0, ElapsedSeconds(started), error, outputs ?? []);

    private double ElapsedSeconds(long started) => _time.GetElapsedTime(started).TotalSeconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: {Outcome} in {Seconds:0.00} s {Error}")]
    private partial void LogOutcome(string path, OutcomeKind outcome, double seconds, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: attempt failed ({Kind}: {Message}); another attempt: {CanRetry}")]
    private partial void LogAttemptFailed(Exception exception, long jobId, string kind, string message, bool canRetry);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: quarantined after {Attempts} attempt(s): {Kind}: {Message}")]
    private partial void LogQuarantined(string path, string kind, string message, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: refused: its relative path {RelativePath} leaves the output folder")]
    private partial void LogRefused(string path, string relativePath);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Path}: unexpected failure; the file stays pending")]
    private partial void LogUnexpected(Exception exception, string path);
}
