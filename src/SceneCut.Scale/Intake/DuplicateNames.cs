using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.Extensions.Logging;
using SceneCut.Jobs.Jobs;
using SceneCut.Scale.Claims;
using SceneCut.Scale.Execution;
using SceneCut.Scale.Options;

namespace SceneCut.Scale.Intake;

/// <summary>
/// The same content under a further name: the name is recorded with the claim, and once the content is Done a small
/// job copies its results to that name (no second analysis). Called by the intake when it meets such a name and by
/// the analysis job when it finishes, so a name met while the content is still running is not forgotten.
/// </summary>
public sealed partial class DuplicateNames(ContentClaims claims, IBackgroundJobClient client, ILogger<DuplicateNames> logger)
{
    /// <summary>Records <paramref name="input"/> as a name of <paramref name="hash"/>; true when it is new. Its copy job follows once the content is Done.</summary>
    public async Task<bool> AddAsync(string hash, JobInput input, CancellationToken cancellationToken)
    {
        var added = await claims.AddNameAsync(hash, input.SourcePath, input.RelativePath, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            LogNameAdded(input.SourcePath, hash);
        }

        // Also for a name recorded before: one whose copy job could not be enqueued then (database away) is still waiting.
        await DispatchAsync(hash, cancellationToken).ConfigureAwait(false);
        return added;
    }

    /// <summary>Enqueues a copy job for every name of <paramref name="hash"/> still waiting, if the content is Done (results to copy) or Quarantined (an error document to write).</summary>
    public async Task DispatchAsync(string hash, CancellationToken cancellationToken)
    {
        foreach (var name in await claims.TakeNamesAsync(hash, cancellationToken).ConfigureAwait(false))
        {
            // The queue goes into the job itself: Hangfire re-enqueues a retried job on the job's queue, and on "default"
            // (which no SceneCut node serves) when only the first EnqueuedState named ours.
            var job = Job.FromExpression<CopyResultsJob>(j => j.RunAsync(hash, name.SourcePath, name.RelativePath, null, CancellationToken.None), ScaleDefaults.Queue);
            string jobId;
            try
            {
                jobId = client.Create(job, new EnqueuedState(ScaleDefaults.Queue));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Taken but not enqueued: give the name back, so the next dispatch for this content takes it again.
                await claims.ReturnNameAsync(hash, name.SourcePath, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            LogCopyEnqueued(name.SourcePath, jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: same content as an earlier file ({Hash}); its results will be copied")]
    private partial void LogNameAdded(string path, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Path}: copy of the results enqueued as job {JobId}")]
    private partial void LogCopyEnqueued(string path, string jobId);
}
