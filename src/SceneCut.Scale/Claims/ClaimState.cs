namespace SceneCut.Scale.Claims;

/// <summary>Where one content's job stands, as recorded in <see cref="ContentClaims"/>.</summary>
public enum ClaimState
{
    /// <summary>A node took the content and is about to enqueue its job.</summary>
    Claimed,

    /// <summary>The job is in Hangfire's queue or running.</summary>
    Enqueued,

    /// <summary>Results written.</summary>
    Done,

    /// <summary>The content cannot be analysed: an error document says why.</summary>
    Quarantined,

    /// <summary>Transient faults outlasted every attempt; Hangfire holds the job as failed.</summary>
    Failed,
}
