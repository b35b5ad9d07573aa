using System.Text.Json;
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
        -- Result files of the analysed name (JSON array, paths on the shared output folder), once Done.
        ALTER TABLE scenecut.content_claims ADD COLUMN IF NOT EXISTS outputs text NULL;
        -- Further names of a claimed content: each gets the results copied, never a second analysis.
        CREATE TABLE IF NOT EXISTS scenecut.content_names (
            hash text NOT NULL,
            source_path text NOT NULL,
            relative_path text NOT NULL,
            state text NOT NULL,
            created_utc timestamptz NOT NULL,
            updated_utc timestamptz NOT NULL,
            PRIMARY KEY (hash, source_path));
        -- Why a name ended Failed or Quarantined (its copy job gave up, or the content's own reason).
        ALTER TABLE scenecut.content_names ADD COLUMN IF NOT EXISTS reason text NULL;
        """;

    // A name is recorded once, and never for the path the content was claimed under.
    private const string AddNameSql = """
        INSERT INTO scenecut.content_names (hash, source_path, relative_path, state, created_utc, updated_utc)
        SELECT @hash, @path, @relative, 'Pending', now(), now()
        WHERE NOT EXISTS (SELECT 1 FROM scenecut.content_claims WHERE hash = @hash AND source_path = @path)
        ON CONFLICT (hash, source_path) DO NOTHING
        RETURNING hash;
        """;

    // One statement, so a name added just as the content's job finished is taken by exactly one of the two callers.
    private const string TakeNamesSql = """
        UPDATE scenecut.content_names n SET state = 'Enqueued', updated_utc = now()
        FROM scenecut.content_claims c
        WHERE n.hash = @hash AND n.state = 'Pending' AND c.hash = n.hash AND c.state IN ('Done', 'Quarantined')
        RETURNING n.source_path, n.relative_path;
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

    /// <summary>Records the content Done with the results written for <paramref name="sourcePath"/> (the name they belong to now).</summary>
    public Task CompleteAsync(string hash, string sourcePath, IReadOnlyList<string> outputs, CancellationToken cancellationToken) =>
        ExecuteAsync(
            "UPDATE scenecut.content_claims SET state = 'Done', reason = NULL, source_path = @path, outputs = @outputs, node = @node, updated_utc = now() WHERE hash = @hash",
            cancellationToken, ("hash", hash), ("path", sourcePath), ("outputs", JsonSerializer.Serialize(outputs)), ("node", ScaleNode.Name));

    /// <summary>
    /// The analysed name and its result files when the content is Done, or the reason when it was Quarantined; null
    /// otherwise (not settled yet, or Failed on transient faults: a further name then waits for the content to be retried).
    /// </summary>
    public async Task<ContentResult?> GetResultAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "SELECT source_path, size, outputs, state, reason FROM scenecut.content_claims " +
            "WHERE hash = @hash AND ((state = 'Done' AND outputs IS NOT NULL) OR state = 'Quarantined')", connection);
        command.Parameters.AddWithValue("hash", hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var outputs = reader.IsDBNull(2) ? [] : JsonSerializer.Deserialize<string[]>(reader.GetString(2)) ?? [];
        return new ContentResult(
            reader.GetString(0), reader.GetInt64(1), outputs, Enum.Parse<ClaimState>(reader.GetString(3)), reader.IsDBNull(4) ? null : reader.GetString(4));
    }

    /// <summary>
    /// Records <paramref name="sourcePath"/> as a further name of the claimed content; true when it is new (not the
    /// claimed name, not recorded before).
    /// </summary>
    public async Task<bool> AddNameAsync(string hash, string sourcePath, string relativePath, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(AddNameSql, connection);
        command.Parameters.AddWithValue("hash", hash);
        command.Parameters.AddWithValue("path", sourcePath);
        command.Parameters.AddWithValue("relative", relativePath);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string;
    }

    /// <summary>The names of <paramref name="hash"/> still waiting for results, once the content is Done or Quarantined; each is returned to one caller only.</summary>
    public async Task<IReadOnlyList<ContentName>> TakeNamesAsync(string hash, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(TakeNamesSql, connection);
        command.Parameters.AddWithValue("hash", hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var names = new List<ContentName>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            names.Add(new ContentName(reader.GetString(0), reader.GetString(1)));
        }

        return names;
    }

    /// <summary>Puts a name taken by <see cref="TakeNamesAsync"/> back to waiting (its copy job could not be enqueued).</summary>
    public Task ReturnNameAsync(string hash, string sourcePath, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE scenecut.content_names SET state = 'Pending', updated_utc = now() WHERE hash = @hash AND source_path = @path AND state = 'Enqueued'",
            cancellationToken, ("hash", hash), ("path", sourcePath));

    /// <summary>
    /// Records how copying the results to a further name ended (Done, Quarantined, or Failed when its copy job gave up)
    /// with the reason, or drops the name (null: the file vanished).
    /// </summary>
    public Task FinishNameAsync(string hash, string sourcePath, ClaimState? state, CancellationToken cancellationToken, string? reason = null) =>
        state is { } finished
            ? ExecuteAsync("UPDATE scenecut.content_names SET state = @state, reason = @reason, updated_utc = now() WHERE hash = @hash AND source_path = @path",
                cancellationToken, ("hash", hash), ("path", sourcePath), ("state", finished.ToString()), ("reason", (object?)reason ?? DBNull.Value))
            : ExecuteAsync("DELETE FROM scenecut.content_names WHERE hash = @hash AND source_path = @path",
                cancellationToken, ("hash", hash), ("path", sourcePath));

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
