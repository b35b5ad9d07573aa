namespace SceneCut.Jobs.Output;

/// <summary>
/// Where a source's results go: the output folder, the source's folder relative to its input root, then the source
/// file name plus the format suffix. The full file name is kept so <c>a.mp4</c> and <c>a.mov</c> never collide.
/// </summary>
public sealed class OutputLayout(string outputFolder)
{
    /// <summary>The configured output folder, absolute.</summary>
    public string Root { get; } = Path.GetFullPath(outputFolder);

    /// <summary>The result path of <paramref name="relativeSource"/> for a format suffix.</summary>
    public string PathFor(string relativeSource, string suffix) => Path.Combine(Root, relativeSource + "." + suffix);

    /// <summary>The error document path of <paramref name="relativeSource"/>.</summary>
    public string ErrorPathFor(string relativeSource) => PathFor(relativeSource, ErrorDocument.Suffix);

    /// <summary>True when <paramref name="path"/> lies inside the output folder (results must never be watched as input).</summary>
    public bool Contains(string path)
    {
        var full = Path.GetFullPath(path);
        return full.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>
    /// Makes sure the folder for <paramref name="resultPath"/> exists. The output root itself is never created: a
    /// missing root usually means an unmounted share, and writing under the mount point would hide results.
    /// </summary>
    public void EnsureFolderFor(string resultPath)
    {
        if (!Directory.Exists(Root))
        {
            throw new OutputFolderUnavailableException(Root, File.Exists(Root) ? "is a file, not a folder" : "does not exist (is the share mounted?)");
        }

        var folder = Path.GetDirectoryName(resultPath) ?? Root;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderUnavailableException(Root, ex.Message, ex);
        }
    }
}
