namespace SceneCut.Jobs.Ledger;

/// <summary>Where a job is in its life. Stored by name, so the values may be reordered but never renamed.</summary>
public enum JobState
{
    /// <summary>Known, not yet analysed (or released by a shutdown or an unavailable output folder).</summary>
    Pending,

    /// <summary>Being analysed by this process. A ledger opened after a crash turns these back into Pending.</summary>
    Running,

    /// <summary>The last attempt failed; attempts remain.</summary>
    Failed,

    /// <summary>Analysed; the results are written.</summary>
    Done,

    /// <summary>Given up after the allowed attempts or a permanent input error; an error document is written.</summary>
    Quarantined,
}
