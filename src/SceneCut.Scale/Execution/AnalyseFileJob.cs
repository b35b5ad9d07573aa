using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Jobs;
using SceneCut.Scale.Claims;
using SceneCut.Scale.Intake;
using SceneCut.Scale.Options;

namespace SceneCut.Scale.Execution;

/// <summary>
/// The Hangfire job: one file, analysed by the same <see cref="JobRunner"/> as the embedded mode (fingerprint,
/// attempts with backoff, timeout, quarantine, atomic result files); only the queue around it differs.
/// </summary>
public sealed partial class AnalyseFileJob(
    JobRunner runner, ContentClaims claims, DuplicateNames names, NodeActivity activity, IOptions<ScaleOptions> options, ILogger<AnalyseFileJob> logger)
{
    /// <summary>Runs the job for the content <paramref name="hash"/> found at <paramref name="sourcePath"/>.</summary>
    [JobDisplayName("Analyse {2}")]
    public async Task RunAsync(string hash, string sourcePath, string relativePath, PerformContext? context, CancellationToken cancellationToken)
    {
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
                        // Hangfire gives up after this run: the claim says why, next to Hangfire's failed state.
                        await claims.FinishAsync(hash, ClaimState.Failed, outcome.Error, CancellationToken.None).ConfigureAwait(false);
                    }

                    LogDeferred(sourcePath, attempt.Number, attempt.MaxAttempts, outcome.Error);
                    throw new JobDeferredException($"{sourcePath}: {outcome.Kind}: {outcome.Error}");

                case OutcomeKind.Vanished:
                    await claims.ForgetAsync(hash, cancellationToken).ConfigureAwait(false);
                    break;

                case OutcomeKind.Quarantined:
                    await claims.FinishAsync(hash, ClaimState.Quarantined, outcome.Error, cancellationToken).ConfigureAwait(false);
                    // Further names of this content get their own error document, as in the embedded mode.
                    await names.DispatchAsync(hash, cancellationToken).ConfigureAwait(false);
                    break;

                default:
                    await claims.CompleteAsync(hash, sourcePath, outcome.Outputs, cancellationToken).ConfigureAwait(false);
                    // Further names of this content met while it ran get their results now.
                    await names.DispatchAsync(hash, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        finally
        {
            activity.Ended();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Path}: left pending on run {Attempt} of {MaxAttempts}: {Error}")]
    private partial void LogDeferred(string path, int attempt, int maxAttempts, string? error);
}
