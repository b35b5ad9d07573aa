namespace SceneCut.Scale.Options;

/// <summary>How the worker runs jobs.</summary>
public enum ScaleMode
{
    /// <summary>The default: this process runs its own files, with the SQLite ledger beside the results.</summary>
    Embedded,

    /// <summary>Many nodes over one archive: jobs go through Hangfire on a shared PostgreSQL database.</summary>
    Hangfire,
}
