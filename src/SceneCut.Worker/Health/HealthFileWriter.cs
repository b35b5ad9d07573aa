using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SceneCut.Jobs.Jobs;
using SceneCut.Worker.Options;

namespace SceneCut.Worker.Health;

/// <summary>
/// Rewrites the health file (atomically) every few seconds: an orchestrator or a cron probe reads its status and
/// treats a stale timestamp as a hung worker. On stop it writes a last report with status <c>Stopped</c>.
/// </summary>
internal sealed partial class HealthFileWriter(
    IOptions<WorkerOptions> options,
    JobRunner runner,
    IJobIntake queue,
    WorkerStatus status,
    TimeProvider time,
    ILogger<HealthFileWriter> logger) : BackgroundService
{
    private readonly WorkerOptions _options = options.Value;

    /// <summary>Builds the current report.</summary>
    public HealthReport Report(string? overrideStatus = null)
    {
        var now = time.GetUtcNow();
        var staleAfter = TimeSpan.FromSeconds(_options.RescanSeconds * WorkerDefaults.StaleRescanIntervals);
        var rescan = status.LastRescanUtc;
        var value = overrideStatus
            ?? (rescan is { } r && now - r > staleAfter ? "Unhealthy"
            : runner.OutputCircuitOpen || status.MissingFolders > 0 ? "Degraded"
            : "Healthy");
        return new HealthReport(value, now, Environment.ProcessId, rescan, queue.Depth, queue.Running, runner.OutputCircuitOpen,
            status.MissingFolders, status.Succeeded, status.Quarantined, status.Deferred);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await WriteAsync(Report("Stopped"), CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.HealthIntervalSeconds), time);
        do
        {
            await WriteAsync(Report(), stoppingToken).ConfigureAwait(false);
        }
        while (await SafeWaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> SafeWaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task WriteAsync(HealthReport report, CancellationToken cancellationToken)
    {
        var path = _options.HealthFilePath;
        var temporary = path + ".tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(report, HealthJsonContext.Default.HealthReport), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The health file often lives in the output folder; while that is unavailable the stale file is the signal.
            LogWriteFailed(path, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot write the health file {Path}: {Error}")]
    private partial void LogWriteFailed(string path, string error);
}
