namespace SceneCut.Scale.Claims;

/// <summary>A further name of a claimed content: the file, and its path below the watched folder (where its results go).</summary>
public sealed record ContentName(string SourcePath, string RelativePath);
