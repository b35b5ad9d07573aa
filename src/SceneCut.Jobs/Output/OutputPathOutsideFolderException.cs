namespace SceneCut.Jobs.Output;

/// <summary>A source's relative path would put its results outside the output folder (<c>../</c>, an absolute path).</summary>
public sealed class OutputPathOutsideFolderException(string relativeSource, string root)
    : ArgumentException($"relative path '{relativeSource}' leaves the output folder {root}: refused")
{
    /// <summary>The relative path as given.</summary>
    public string RelativeSource { get; } = relativeSource;
}
