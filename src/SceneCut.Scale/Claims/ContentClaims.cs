using Npgsql;
using Polly;
using Polly.Retry;

namespace SceneCut.Scale.Claims;

/// <summary>
/// One row per content fingerprint in the shared database: the unique key makes "enqueue this content" happen once
/// across every node that sees the file (INSERT ... ON CONFLICT), and the row records how the job ended.
/// </summary>
public sealed class ContentClaims(string connectionString, TimeSpan orphanAfter)
{
    // A job that ends while the database is away waits for it rather than failing: its result is written, and
    // failing would only make another node analyse the file again. About two minutes of backoff, then it gives up.
    private static readonly ResiliencePipeline OutageWait = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>(ex => ex.IsTransient),
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromSeconds(0.5),
            MaxDelay = TimeSpan.FromSeconds(10),
            MaxRetryAttempts = 16,
            UseJitter = true,
        })
        .Build();

    /// <summary>The table, in its own schema so Hangfire's migrations never touch it.</summary>
    public const string Table = "scenecut.content_claims";

    // Advisory lock id for Hangfire's installer (the claims schema uses 4242009): any fixed number, unique in the database.
    private const long InstallLock = 4242010;

    // Many nodes may start at once: the advisory lock serialises CREATE IF NOT EXISTS, which races on its own.
    private const string SchemaSql = """
        SELECT pg_advisory_xact_lock(4242009);
        CREATE SCHEMA IF NOT EXISTS scenecut;
        CREATE TABLE IF NOT EXISTS scenecut.content_claims (
            hash text PRIMARY KEY,
            size bigint NOT NULL,
            source_path text NOT NULL,
            state text NOT NULL,
            job_id text NULL,
            node text NULL,
            reason text NULL,
            claimed_utc timestamptz NOT NULL,
            updated_utc timestamptz NOT NULL);
        """;

    // A claim still 'Claimed' long after it was made belongs to a node that died between claiming and enqueuing.
    private const string ClaimSql = """
        INSERT INTO scenecut.content_claims (hash, size, source_path, state, claimed_utc, updated_utc)
        VALUES (@hash, @size, @path, 'Claimed', now(), now())
        ON CONFLICT (hash) DO UPDATE SET source_path = excluded.source_path, claimed_utc = now(), updated_utc = now()
            WHERE scenecut.content_claims.state = 'Claimed'
              AND scenecut.content_claims.claimed_utc < now() - make_interval(secs => @orphan)
        RETURNING hash;
        """;

    /// <summary>Creates the claims table when missing.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(SchemaSql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs <paramref name="install"/> while holding a database-wide lock: Hangfire's schema installer, started by
    /// several nodes at once, fails on concurrent catalog changes ("could not find tuple for constraint").
    /// </summary>
    public async Task<T> UnderInstallLockAsync<T>(Func<T> install, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_lock({InstallLock})", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Closing the session releases the lock, also when install throws.
        return install();
    }

    /// <summary>
    /// <see cref="ClaimState.Claimed"/> when this caller now owns the content and must enqueue its job; otherwise the
    /// state of the claim another caller holds (still <see cref="ClaimState.Claimed"/> by another node is reported as
    /// null: that node may die before it enqueues, so the content needs another look later).
    /// </summary>
    public async Task<ClaimState?> TryClaimAsync(string hash, long size, string sourcePath, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(ClaimSql, connection))
        {
            command.Parameters.AddWithValue("hash", hash);
            command.Parameters.AddWithValue("size", size);
            command.Parameters.AddWithValue("path", sourcePath);
            command.Parameters.AddWithValue("orphan", orphanAfter.TotalSeconds);
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string)
            {
                return ClaimState.Claimed;
            }
        }

        await using var query = new NpgsqlCommand("SELECT state FROM scenecut.content_claims WHERE hash = @hash", connection);
        query.Parameters.AddWithValue("hash", hash);
        return await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string state && state != nameof(ClaimState.Claimed)
            ? Enum.Parse<ClaimState>(state)
            : null;
    }

    /// <summary>Records the job id once the job is enqueued.</summary>
    public Task MarkEnqueuedAsync(string hash, string jobId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE scenecut.content_claims SET state = 'Enqueued', job_id = @job, updated_utc = now() WHERE hash = @hash",
            cancellationToken, ("hash", hash), ("job", jobId));

    /// <summary>Records how the job for <paramref name="hash"/> ended (Done, Quarantined, Failed) and on which node.</summary>
    public Task FinishAsync(string hash, ClaimState state, string? reason, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE scenecut.content_claims SET state = @state, reason = @reason, node = @node, updated_utc = now() WHERE hash = @hash",
            cancellationToken, ("hash", hash), ("state", state.ToString()), ("reason", (object?)reason ?? DBNull.Value), ("node", ScaleNode.Name));

    /// <summary>Drops the claim (the file vanished before it ran): the same content may be enqueued again when it shows up.</summary>
    public Task ForgetAsync(string hash, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM scenecut.content_claims WHERE hash = @hash", cancellationToken, ("hash", hash));

    /// <summary>Claims per state, for progress.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT state, count(*) FROM scenecut.content_claims GROUP BY state", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters) =>
        OutageWait.ExecuteAsync(
            async token =>
            {
                await using var connection = await OpenAsync(token).ConfigureAwait(false);
                await using var command = new NpgsqlCommand(sql, connection);
                foreach (var (name, value) in parameters)
                {
                    command.Parameters.AddWithValue(name, value);
                }

                await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).AsTask();

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }
}
