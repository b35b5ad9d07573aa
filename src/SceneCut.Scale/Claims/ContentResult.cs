namespace SceneCut.Scale.Claims;

/// <summary>A content analysed by some node: the name it was analysed under, its size, and its result files on the shared output folder.</summary>
public sealed record ContentResult(string SourcePath, long Size, IReadOnlyList<string> Outputs);
