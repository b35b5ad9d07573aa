namespace SceneCut.Jobs.Ledger;

/// <summary>
/// The ledger's schema, as numbered steps. The database's <c>PRAGMA user_version</c> says how many have run; a newer
/// build runs the missing ones in order, each in its own transaction. Steps are never edited once released: a change
/// is a new step, so a ledger written by any older build upgrades in place.
/// </summary>
internal static class LedgerMigrations
{
    /// <summary>Step <c>i</c> brings the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: jobs (one row per content) and sources (every path seen, pointing at its content's job).
        """
        CREATE TABLE jobs (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            source_path      TEXT    NOT NULL,
            size             INTEGER NOT NULL,
            mtime_utc        INTEGER NOT NULL,
            content_hash     TEXT    NOT NULL,
            state            TEXT    NOT NULL,
            attempts         INTEGER NOT NULL DEFAULT 0,
            last_error       TEXT,
            outputs          TEXT    NOT NULL DEFAULT '[]',
            created_utc      INTEGER NOT NULL,
            started_utc      INTEGER,
            finished_utc     INTEGER,
            duration_seconds REAL,
            frames           INTEGER,
            tool_version     TEXT,
            model_version    TEXT
        );
        CREATE UNIQUE INDEX ux_jobs_content ON jobs (content_hash, size);
        CREATE INDEX ix_jobs_state ON jobs (state);
        CREATE TABLE sources (
            path       TEXT    PRIMARY KEY,
            job_id     INTEGER NOT NULL REFERENCES jobs (id),
            size       INTEGER NOT NULL,
            mtime_utc  INTEGER NOT NULL,
            outputs    TEXT    NOT NULL DEFAULT '[]',
            seen_utc   INTEGER NOT NULL
        );
        CREATE INDEX ix_sources_job ON sources (job_id);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Steps.Count;
}
