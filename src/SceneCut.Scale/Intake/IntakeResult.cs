using SceneCut.Scale.Claims;

namespace SceneCut.Scale.Intake;

/// <summary>
/// What taking one file in did: its content <paramref name="Hash"/>, and the claim's state — <see cref="ClaimState.Claimed"/>
/// when this caller enqueued job <paramref name="JobId"/>, the state of an earlier claim otherwise, or null while
/// another node holds the claim without a job yet. <paramref name="NewName"/>: the content was claimed under another
/// path, and this file was recorded as a further name whose results are copied once the content is Done.
/// </summary>
public sealed record IntakeResult(string Hash, ClaimState? Claim, string? JobId, bool NewName)
{
    /// <summary>True when this call enqueued the job.</summary>
    public bool Enqueued => Claim == ClaimState.Claimed;
}
