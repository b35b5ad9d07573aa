using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SceneCut.Scale.Claims;
using SceneCut.Scale.Options;

namespace SceneCut.Scale.Database;

/// <summary>
/// Runs before Hangfire starts: waits for the database (a node often boots before its database), says clearly which
/// server it cannot reach and why, and creates the claims table and Hangfire's schema.
/// </summary>
public sealed partial class DatabaseGate(
    IOptions<ScaleOptions> options, ContentClaims claims, IServiceProvider services, TimeProvider time, ILogger<DatabaseGate> logger)
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(2);

    /// <summary>Returns once the database answers; throws <see cref="InvalidOperationException"/> after the configured wait.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(options.Value.ConnectionString);
        var where = $"{target.Host}:{target.Port} database {target.Database} as {target.Username}";
        var wait = TimeSpan.FromSeconds(options.Value.StartupWaitSeconds);
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                await claims.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
                // Hangfire installs its schema when its storage is first built: here, one node at a time.
                await claims.UnderInstallLockAsync(services.GetRequiredService<JobStorage>, cancellationToken).ConfigureAwait(false);
                LogReached(where);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                if (time.GetElapsedTime(started) >= wait)
                {
                    throw new InvalidOperationException(
                        $"Cannot reach PostgreSQL at {where} (Scale:ConnectionString) after {wait.TotalSeconds:0} s: {ex.Message}", ex);
                }

                LogUnreachable(where, ex.Message, wait.TotalSeconds);
                await Task.Delay(RetryEvery, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scale-out database reached at {Where}")]
    private partial void LogReached(string where);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot reach PostgreSQL at {Where}: {Reason}; waiting up to {Seconds:0} s")]
    private partial void LogUnreachable(string where, string reason, double seconds);
}
