using SceneCut.Output;

namespace SceneCut.Jobs.Output;

/// <summary>
/// Where a source's results go: the output folder, the source's folder relative to its input root, then the source
/// file name plus the format suffix. The full file name is kept so <c>a.mp4</c> and <c>a.mov</c> never collide.
/// </summary>
public sealed class OutputLayout(string outputFolder)
{
    /// <summary>What every result file name carries between the source file name and the format's extension.</summary>
    public const string ResultSuffix = "scenecut";

    /// <summary>The configured output folder, absolute.</summary>
    public string Root { get; } = Path.GetFullPath(outputFolder);

    /// <summary>
    /// The result path of <paramref name="relativeSource"/> for a format suffix. Throws
    /// <see cref="OutputPathOutsideFolderException"/> when the path would leave the output folder: in scale-out the
    /// relative path comes from job arguments in the database, so <c>../</c> or an absolute path is refused, not followed.
    /// </summary>
    public string PathFor(string relativeSource, string suffix)
    {
        ArgumentNullException.ThrowIfNull(relativeSource);
        return Inside(Root, relativeSource + "." + suffix, relativeSource);
    }

    /// <summary>The result path of <paramref name="relativeSource"/> in <paramref name="writer"/>'s format: <c>movie.mp4.scenecut.csv</c>.</summary>
    public string PathFor(string relativeSource, IResultWriter writer) => PathFor(relativeSource, ResultSuffix + writer.FileExtension);

    /// <summary>The error document path of <paramref name="relativeSource"/>.</summary>
    public string ErrorPathFor(string relativeSource) => PathFor(relativeSource, ErrorDocument.Suffix);

    /// <summary>True when <paramref name="path"/> lies inside the output folder (results must never be watched as input).</summary>
    public bool Contains(string path) => IsInside(Root, path);

    /// <summary>
    /// <paramref name="relativePath"/> below <paramref name="folder"/>, absolute; throws <see cref="OutputPathOutsideFolderException"/>
    /// when it would land outside (e.g. the quarantine folder, which takes the same relative paths).
    /// </summary>
    public static string Inside(string folder, string relativePath) => Inside(Path.GetFullPath(folder), relativePath, relativePath);

    private static string Inside(string root, string relativePath, string shownPath)
    {
        var path = Path.GetFullPath(Path.Combine(root, relativePath));
        return IsInside(root, path) ? path : throw new OutputPathOutsideFolderException(shownPath, root);
    }

    private static bool IsInside(string root, string path) =>
        Path.GetFullPath(path).StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

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
