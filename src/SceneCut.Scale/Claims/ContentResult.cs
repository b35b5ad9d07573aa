namespace SceneCut.Scale.Claims;

/// <summary>
/// A content settled by some node: the name it was analysed under, its size, and either its result files on the shared
/// output folder (<see cref="ClaimState.Done"/>) or why it has none (<see cref="ClaimState.Quarantined"/>:
/// <see cref="Reason"/>, as <c>kind: message</c>).
/// </summary>
public sealed record ContentResult(string SourcePath, long Size, IReadOnlyList<string> Outputs, ClaimState State = ClaimState.Done, string? Reason = null);
