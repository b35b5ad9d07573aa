namespace SceneCut.Jobs.Ledger;

/// <summary>What <see cref="JobLedger.Claim"/> decided.</summary>
public enum ClaimKind
{
    /// <summary>The caller must analyse the content now; the job is Running and its attempt counted.</summary>
    Run,

    /// <summary>The content was analysed already (possibly under another name).</summary>
    Done,

    /// <summary>The content was quarantined already.</summary>
    Quarantined,

    /// <summary>Another job of this process is analysing the same content right now.</summary>
    Busy,

    /// <summary>Every allowed attempt was used (e.g. each ended in a crash): the caller quarantines without analysing.</summary>
    Exhausted,
}
