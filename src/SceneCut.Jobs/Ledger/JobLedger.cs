using System.Text.Json;
using Microsoft.Data.Sqlite;
using SceneCut.Jobs.Output;

namespace SceneCut.Jobs.Ledger;

/// <summary>
/// The durable record of every job, in one SQLite file (WAL journal, full sync, so a committed state survives a
/// kill or a power cut). One process owns a ledger at a time (an exclusive lock file beside it); that is what lets a
/// ledger opened after a crash treat every Running job as interrupted. Every method is one short transaction.
/// </summary>
public sealed class JobLedger : IDisposable
{
    private const string JobColumns =
        "id, source_path, size, mtime_utc, content_hash, state, attempts, last_error, outputs, created_utc, started_utc, finished_utc, duration_seconds, frames, tool_version, model_version";

    /// <summary>Last error recorded for a job whose process ended during its analysis.</summary>
    public const string InterruptedError = "Interrupted: the process ended during the analysis";

    private readonly SqliteConnection _connection;
    private readonly FileStream _lockFile;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    private JobLedger(string path, SqliteConnection connection, FileStream lockFile, TimeProvider time)
    {
        Path = path;
        _connection = connection;
        _lockFile = lockFile;
        _time = time;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating or upgrading) the ledger at <paramref name="path"/> and marks interrupted jobs.</summary>
    /// <exception cref="LedgerUnavailableException">Another process holds it, or a newer SceneCut wrote it.</exception>
    public static JobLedger Open(string path, TimeProvider time)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(full + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new LedgerUnavailableException(full, "in use by another SceneCut process (its .lock file is held)", ex);
        }

        SqliteConnection? connection = null;
        try
        {
            // No pooling: closing the ledger must really close the file, so the next owner starts clean.
            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;");
            Migrate(connection, full);
            var ledger = new JobLedger(full, connection, lockFile, time);
            ledger.MarkInterrupted();
            return ledger;
        }
        catch
        {
            connection?.Dispose();
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>The schema version of the open file.</summary>
    public int SchemaVersion
    {
        get
        {
            lock (_gate)
            {
                return ReadUserVersion(_connection);
            }
        }
    }

    /// <summary>The path row for <paramref name="path"/>, or null when it was never seen.</summary>
    public SourceRecord? FindSource(string path)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT s.path, s.job_id, s.size, s.mtime_utc, j.state, s.outputs FROM sources s JOIN jobs j ON j.id = s.job_id WHERE s.path = $path";
            command.Parameters.AddWithValue("$path", path);
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadSource(reader) : null;
        }
    }

    /// <summary>
    /// Records that <paramref name="path"/> holds <paramref name="fingerprint"/> and decides what to do with it. When
    /// the answer is <see cref="ClaimKind.Run"/>, the job is Running, its attempt counted and its source path set.
    /// </summary>
    public ClaimResult Claim(string path, ContentFingerprint fingerprint, int maxAttempts)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var now = Now();
            var job = FindByContent(transaction, fingerprint);
            ClaimKind kind;
            if (job is null)
            {
                using var insert = Command(transaction,
                    "INSERT INTO jobs (source_path, size, mtime_utc, content_hash, state, attempts, created_utc, started_utc) " +
                    "VALUES ($path, $size, $mtime, $hash, 'Running', 1, $now, $now) RETURNING id");
                insert.Parameters.AddWithValue("$path", path);
                insert.Parameters.AddWithValue("$size", fingerprint.Size);
                insert.Parameters.AddWithValue("$mtime", fingerprint.LastWriteUtc.Ticks);
                insert.Parameters.AddWithValue("$hash", fingerprint.Hash);
                insert.Parameters.AddWithValue("$now", now);
                var id = (long)insert.ExecuteScalar()!;
                kind = ClaimKind.Run;
                job = GetJob(transaction, id);
            }
            else
            {
                kind = job.State switch
                {
                    JobState.Done => ClaimKind.Done,
                    JobState.Quarantined => ClaimKind.Quarantined,
                    JobState.Running => ClaimKind.Busy,
                    _ when job.Attempts >= maxAttempts => ClaimKind.Exhausted,
                    _ => ClaimKind.Run,
                };
                if (kind == ClaimKind.Run)
                {
                    using var update = Command(transaction,
                        "UPDATE jobs SET state = 'Running', attempts = attempts + 1, started_utc = $now, source_path = $path, mtime_utc = $mtime WHERE id = $id");
                    update.Parameters.AddWithValue("$now", now);
                    update.Parameters.AddWithValue("$path", path);
                    update.Parameters.AddWithValue("$mtime", fingerprint.LastWriteUtc.Ticks);
                    update.Parameters.AddWithValue("$id", job.Id);
                    update.ExecuteNonQuery();
                    job = GetJob(transaction, job.Id);
                }
            }

            UpsertSource(transaction, path, job.Id, fingerprint, now);
            transaction.Commit();
            return new ClaimResult(kind, job);
        }
    }

    /// <summary>Gives a Running job back without counting its attempt (shutdown, output folder unavailable, source moved away).</summary>
    public void Release(long jobId, string reason) =>
        Update(jobId, "state = 'Pending', attempts = MAX(0, attempts - 1), last_error = $error", ("$error", reason));

    /// <summary>Records a failed attempt; the job may run again.</summary>
    public void RecordFailure(long jobId, string error) =>
        Update(jobId, "state = 'Failed', last_error = $error", ("$error", error));

    /// <summary>Marks a job Pending again, e.g. when its results were deleted and a duplicate needs them.</summary>
    public void Reopen(long jobId) => Update(jobId, "state = 'Pending'");

    /// <summary>Records the results of a successful analysis.</summary>
    public void Complete(long jobId, string sourcePath, IReadOnlyList<string> outputs, double durationSeconds, int frames, string toolVersion, string? modelVersion)
    {
        var json = JsonSerializer.Serialize(outputs.ToArray(), JobsJsonContext.Default.StringArray);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = Command(transaction,
                "UPDATE jobs SET state = 'Done', last_error = NULL, outputs = $outputs, finished_utc = $now, duration_seconds = $duration, " +
                "frames = $frames, tool_version = $tool, model_version = $model WHERE id = $id"))
            {
                command.Parameters.AddWithValue("$outputs", json);
                command.Parameters.AddWithValue("$now", Now());
                command.Parameters.AddWithValue("$duration", durationSeconds);
                command.Parameters.AddWithValue("$frames", frames);
                command.Parameters.AddWithValue("$tool", toolVersion);
                command.Parameters.AddWithValue("$model", (object?)modelVersion ?? DBNull.Value);
                command.Parameters.AddWithValue("$id", jobId);
                command.ExecuteNonQuery();
            }

            SetSourceOutputs(transaction, sourcePath, json);
            transaction.Commit();
        }
    }

    /// <summary>
    /// Records <paramref name="fingerprint"/> as analysed elsewhere (another node of a scaled-out setup) at
    /// <paramref name="sourcePath"/> with <paramref name="outputs"/>: a later claim of the same content under another
    /// name then copies those results (or moves them when <paramref name="sourcePath"/> is gone) instead of analysing.
    /// With <paramref name="quarantineReason"/> (<c>kind: message</c>) the content was quarantined there instead, and a
    /// later claim writes that name its own error document.
    /// </summary>
    public void Adopt(string sourcePath, ContentFingerprint fingerprint, IReadOnlyList<string> outputs, string? quarantineReason = null)
    {
        var json = JsonSerializer.Serialize(outputs.ToArray(), JobsJsonContext.Default.StringArray);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            var now = Now();
            using (var command = Command(transaction,
                "INSERT INTO jobs (source_path, size, mtime_utc, content_hash, state, attempts, outputs, created_utc, finished_utc) " +
                "VALUES ($path, $size, $mtime, $hash, $state, 0, $outputs, $now, $now) " +
                "ON CONFLICT (content_hash, size) DO UPDATE SET source_path = excluded.source_path, state = excluded.state, last_error = $error, " +
                "outputs = excluded.outputs, finished_utc = excluded.finished_utc"))
            {
                command.Parameters.AddWithValue("$state", quarantineReason is null ? nameof(JobState.Done) : nameof(JobState.Quarantined));
                command.Parameters.AddWithValue("$error", (object?)quarantineReason ?? DBNull.Value);
                command.Parameters.AddWithValue("$path", sourcePath);
                command.Parameters.AddWithValue("$size", fingerprint.Size);
                command.Parameters.AddWithValue("$mtime", fingerprint.LastWriteUtc.Ticks);
                command.Parameters.AddWithValue("$hash", fingerprint.Hash);
                command.Parameters.AddWithValue("$outputs", json);
                command.Parameters.AddWithValue("$now", now);
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <summary>Records that the job's content is quarantined, with the error document written for <paramref name="sourcePath"/>.</summary>
    public void Quarantine(long jobId, string sourcePath, string error, IReadOnlyList<string> outputs)
    {
        var json = JsonSerializer.Serialize(outputs.ToArray(), JobsJsonContext.Default.StringArray);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = Command(transaction,
                "UPDATE jobs SET state = 'Quarantined', last_error = $error, outputs = $outputs, finished_utc = $now WHERE id = $id"))
            {
                command.Parameters.AddWithValue("$error", error);
                command.Parameters.AddWithValue("$outputs", json);
                command.Parameters.AddWithValue("$now", Now());
                command.Parameters.AddWithValue("$id", jobId);
                command.ExecuteNonQuery();
            }

            SetSourceOutputs(transaction, sourcePath, json);
            transaction.Commit();
        }
    }

    /// <summary>Records the results written for a duplicate path of an analysed content.</summary>
    public void SetSourceOutputs(string path, IReadOnlyList<string> outputs)
    {
        var json = JsonSerializer.Serialize(outputs.ToArray(), JobsJsonContext.Default.StringArray);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            SetSourceOutputs(transaction, path, json);
            transaction.Commit();
        }
    }

    /// <summary>
    /// Records that the job's content moved from its source path to <paramref name="newPath"/>: the job takes the
    /// new path and outputs, and the old path's row goes.
    /// </summary>
    public void Move(long jobId, string oldPath, string newPath, IReadOnlyList<string> outputs)
    {
        var json = JsonSerializer.Serialize(outputs.ToArray(), JobsJsonContext.Default.StringArray);
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            using (var command = Command(transaction, "UPDATE jobs SET source_path = $path, outputs = $outputs WHERE id = $id"))
            {
                command.Parameters.AddWithValue("$path", newPath);
                command.Parameters.AddWithValue("$outputs", json);
                command.Parameters.AddWithValue("$id", jobId);
                command.ExecuteNonQuery();
            }

            using (var delete = Command(transaction, "DELETE FROM sources WHERE path = $path"))
            {
                delete.Parameters.AddWithValue("$path", oldPath);
                delete.ExecuteNonQuery();
            }

            SetSourceOutputs(transaction, newPath, json);
            transaction.Commit();
        }
    }

    /// <summary>One job by id.</summary>
    public JobRecord GetJob(long jobId)
    {
        lock (_gate)
        {
            using var transaction = _connection.BeginTransaction();
            return GetJob(transaction, jobId);
        }
    }

    /// <summary>Every job, oldest first.</summary>
    public IReadOnlyList<JobRecord> GetJobs()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT {JobColumns} FROM jobs ORDER BY id";
            using var reader = command.ExecuteReader();
            var jobs = new List<JobRecord>();
            while (reader.Read())
            {
                jobs.Add(ReadJob(reader));
            }

            return jobs;
        }
    }

    /// <summary>Every path seen, with its job's state.</summary>
    public IReadOnlyList<SourceRecord> GetSources()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT s.path, s.job_id, s.size, s.mtime_utc, j.state, s.outputs FROM sources s JOIN jobs j ON j.id = s.job_id ORDER BY s.path";
            using var reader = command.ExecuteReader();
            var sources = new List<SourceRecord>();
            while (reader.Read())
            {
                sources.Add(ReadSource(reader));
            }

            return sources;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _connection.Dispose();
            _lockFile.Dispose();
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        var version = ReadUserVersion(connection);
        if (version > LedgerMigrations.CurrentVersion)
        {
            throw new LedgerUnavailableException(path, $"schema version {version} is newer than this SceneCut understands ({LedgerMigrations.CurrentVersion}); upgrade SceneCut");
        }

        for (var step = version; step < LedgerMigrations.CurrentVersion; step++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                // user_version is part of the same transaction: a crash mid-step leaves the old version and no half schema.
                command.CommandText = LedgerMigrations.Steps[step] + $"\nPRAGMA user_version = {step + 1};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    private static int ReadUserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // Only this process can own the ledger (the lock file), so a Running job here was interrupted by a crash. The
    // attempt stays counted: a file that crashes the process every time must end in quarantine, not in a loop.
    private void MarkInterrupted()
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE jobs SET state = 'Failed', last_error = $error WHERE state = 'Running'";
            command.Parameters.AddWithValue("$error", InterruptedError);
            command.ExecuteNonQuery();
        }
    }

    private void Update(long jobId, string assignments, params (string Name, object Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"UPDATE jobs SET {assignments} WHERE id = $id";
            command.Parameters.AddWithValue("$id", jobId);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            command.ExecuteNonQuery();
        }
    }

    private JobRecord? FindByContent(SqliteTransaction transaction, ContentFingerprint fingerprint)
    {
        using var command = Command(transaction, $"SELECT {JobColumns} FROM jobs WHERE content_hash = $hash AND size = $size");
        command.Parameters.AddWithValue("$hash", fingerprint.Hash);
        command.Parameters.AddWithValue("$size", fingerprint.Size);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadJob(reader) : null;
    }

    private JobRecord GetJob(SqliteTransaction transaction, long id)
    {
        using var command = Command(transaction, $"SELECT {JobColumns} FROM jobs WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadJob(reader) : throw new InvalidOperationException($"ledger {Path}: no job {id}");
    }

    private void UpsertSource(SqliteTransaction transaction, string path, long jobId, ContentFingerprint fingerprint, long now)
    {
        // A path that now holds other content keeps no outputs of the old content: they are rewritten for the new one.
        using var command = Command(transaction,
            "INSERT INTO sources (path, job_id, size, mtime_utc, seen_utc) VALUES ($path, $job, $size, $mtime, $now) " +
            "ON CONFLICT (path) DO UPDATE SET outputs = CASE WHEN job_id = excluded.job_id THEN outputs ELSE '[]' END, " +
            "job_id = excluded.job_id, size = excluded.size, mtime_utc = excluded.mtime_utc, seen_utc = excluded.seen_utc");
        command.Parameters.AddWithValue("$path", path);
        command.Parameters.AddWithValue("$job", jobId);
        command.Parameters.AddWithValue("$size", fingerprint.Size);
        command.Parameters.AddWithValue("$mtime", fingerprint.LastWriteUtc.Ticks);
        command.Parameters.AddWithValue("$now", now);
        command.ExecuteNonQuery();
    }

    private void SetSourceOutputs(SqliteTransaction transaction, string path, string outputsJson)
    {
        using var command = Command(transaction, "UPDATE sources SET outputs = $outputs WHERE path = $path");
        command.Parameters.AddWithValue("$outputs", outputsJson);
        command.Parameters.AddWithValue("$path", path);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private long Now() => _time.GetUtcNow().UtcTicks;

    private static JobRecord ReadJob(SqliteDataReader r) => new(
        r.GetInt64(0),
        r.GetString(1),
        r.GetInt64(2),
        new DateTime(r.GetInt64(3), DateTimeKind.Utc),
        r.GetString(4),
        Enum.Parse<JobState>(r.GetString(5)),
        r.GetInt32(6),
        r.IsDBNull(7) ? null : r.GetString(7),
        ParseOutputs(r.GetString(8)),
        Time(r.GetInt64(9)),
        r.IsDBNull(10) ? null : Time(r.GetInt64(10)),
        r.IsDBNull(11) ? null : Time(r.GetInt64(11)),
        r.IsDBNull(12) ? null : r.GetDouble(12),
        r.IsDBNull(13) ? null : r.GetInt32(13),
        r.IsDBNull(14) ? null : r.GetString(14),
        r.IsDBNull(15) ? null : r.GetString(15));

    private static SourceRecord ReadSource(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetInt64(1),
        r.GetInt64(2),
        new DateTime(r.GetInt64(3), DateTimeKind.Utc),
        Enum.Parse<JobState>(r.GetString(4)),
        ParseOutputs(r.GetString(5)));

    private static string[] ParseOutputs(string json) => JsonSerializer.Deserialize(json, JobsJsonContext.Default.StringArray) ?? [];

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);
}
