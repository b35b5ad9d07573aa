using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Jobs;
using SceneCut.Jobs.Ledger;
using SceneCut.Scale.Claims;
using SceneCut.Scale.Options;

namespace SceneCut.Scale.Execution;

/// <summary>
/// The Hangfire job for a further name of content another node analysed: the node-local ledger adopts that analysis,
/// and the same <see cref="JobRunner"/> as the embedded mode writes this name's results from it — copied, or moved
/// when the first name is gone, or an error document when the content was quarantined — so the content is never
/// analysed twice. A copy that stays deferred (output folder away) through every run Hangfire allows leaves the name
/// <c>Failed</c> with the reason, as the content's own job does.
/// </summary>
public sealed partial class CopyResultsJob(
    JobRunner runner, JobLedger ledger, ContentClaims claims, NodeActivity activity, IOptions<ScaleOptions> options, ILogger<CopyResultsJob> logger)
{
    /// <summary>Writes the results of content <paramref name="hash"/> for the file at <paramref name="sourcePath"/>.</summary>
    [JobDisplayName("Copy results to {2}")]
    public async Task RunAsync(string hash, string sourcePath, string relativePath, PerformContext? context, CancellationToken cancellationToken)
    {
        if (await claims.GetResultAsync(hash, cancellationToken).ConfigureAwait(false) is not { } analysed)
        {
            // Enqueued only once the content is settled; a content analysed again since (changed file) is not ours to copy.
            LogNotDone(sourcePath, hash);
            return;
        }

        // Where the results are, not when the file was written: the modification time plays no part in finding content.
        // Quarantined content has no results: the runner then writes this name its own error document with the reason.
        var quarantineReason = analysed.State == ClaimState.Quarantined ? analysed.Reason ?? "Error: quarantined on another node" : null;
        ledger.Adopt(analysed.SourcePath, new ContentFingerprint(analysed.Size, DateTime.UnixEpoch, hash), analysed.Outputs, quarantineReason);
        activity.Started();
        try
        {
            var outcome = await runner.ProcessAsync(new JobInput(sourcePath, relativePath), progress: null, cancellationToken).ConfigureAwait(false);
            await activity.ReportAsync(outcome).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case OutcomeKind.Deferred or OutcomeKind.Cancelled:
                    var attempt = JobAttempt.Of(context, options.Value);
                    if (attempt.IsLast)
                    {
                        // Hangfire gives up after this run: the name says why, instead of staying Enqueued for ever.
                        await claims.FinishNameAsync(hash, sourcePath, ClaimState.Failed, CancellationToken.None, outcome.Error).ConfigureAwait(false);
                    }

                    LogDeferred(sourcePath, attempt.Number, attempt.MaxAttempts, outcome.Error);
                    throw new JobDeferredException($"{sourcePath}: {outcome.Kind}: {outcome.Error}");

                case OutcomeKind.Vanished:
                    await claims.FinishNameAsync(hash, sourcePath, null, cancellationToken).ConfigureAwait(false);
                    break;

                case OutcomeKind.Quarantined:
                    await claims.FinishNameAsync(hash, sourcePath, ClaimState.Quarantined, cancellationToken, outcome.Error).ConfigureAwait(false);
                    break;

                case OutcomeKind.Moved or OutcomeKind.Analysed:
                    // The results now belong to this name (the first is gone, or its results were and this name was
                    // analysed instead): later names copy from here.
                    await claims.CompleteAsync(hash, sourcePath, outcome.Outputs, cancellationToken).ConfigureAwait(false);
                    await claims.FinishNameAsync(hash, sourcePath, ClaimState.Done, cancellationToken).ConfigureAwait(false);
                    break;

                default:
                    await claims.FinishNameAsync(hash, sourcePath, ClaimState.Done, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            activity.Ended();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: copying the results left pending on run {Attempt} of {MaxAttempts}: {Error}")]
    private partial void LogDeferred(string path, int attempt, int maxAttempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: content {Hash} has no results to copy (not Done or Quarantined); left as it is")]
    private partial void LogNotDone(string path, string hash);
}
