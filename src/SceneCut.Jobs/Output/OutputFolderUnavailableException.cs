namespace SceneCut.Jobs.Output;

/// <summary>The output folder cannot take results right now (missing, not a folder, not writable); not the source file's fault.</summary>
public sealed class OutputFolderUnavailableException(string folder, string cause, Exception? inner = null)
    : IOException($"output folder {folder}: {cause}", inner)
{
    /// <summary>The configured output folder.</summary>
    public string Folder { get; } = folder;
}
