namespace SceneCut.Jobs.Jobs;

/// <summary>How processing one file ended.</summary>
public enum OutcomeKind
{
    /// <summary>Analysed now; results written.</summary>
    Analysed,

    /// <summary>Already settled in the ledger with this size and modification time; nothing done.</summary>
    Skipped,

    /// <summary>Same content as a file analysed before: its results were copied for this name, no analysis.</summary>
    Duplicate,

    /// <summary>Same content as an analysed file that is gone from its old path: the results moved to this name.</summary>
    Moved,

    /// <summary>Could not be analysed: quarantined with an error document.</summary>
    Quarantined,

    /// <summary>Left pending (output folder unavailable); it will be tried again.</summary>
    Deferred,

    /// <summary>The file disappeared before it could be processed.</summary>
    Vanished,

    /// <summary>Stopped by shutdown; left pending for the next run.</summary>
    Cancelled,
}
