using SceneCut.Jobs.Output;

namespace SceneCut.Jobs.Resilience;

/// <summary>Which exceptions are worth trying again.</summary>
internal static class TransientErrors
{
    /// <summary>I/O on a source that may pass: a lock, a share hiccup. A missing file is not: it was moved or deleted.</summary>
    public static bool IsSourceIo(Exception ex) =>
        ex is (IOException and not FileNotFoundException and not DirectoryNotFoundException) or UnauthorizedAccessException;

    /// <summary>Any failure to write into the output folder, including the folder being gone.</summary>
    public static bool IsOutput(Exception ex) =>
        ex is IOException or UnauthorizedAccessException or OutputFolderUnavailableException;
}
