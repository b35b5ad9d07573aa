namespace SceneCut.Jobs.Ledger;

/// <summary>The outcome of a claim, with the job row as it is after the claim.</summary>
public sealed record ClaimResult(ClaimKind Kind, JobRecord Job);
