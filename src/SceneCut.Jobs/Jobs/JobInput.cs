namespace SceneCut.Jobs.Jobs;

/// <summary>A source file to process.</summary>
/// <param name="SourcePath">Absolute path of the video.</param>
/// <param name="RelativePath">The path below its input root; its results go to the same place below the output folder.</param>
public sealed record JobInput(string SourcePath, string RelativePath);
