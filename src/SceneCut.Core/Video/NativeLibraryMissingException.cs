namespace SceneCut.Video;

/// <summary>OpenCV's native library (or one of its system dependencies) could not be loaded.</summary>
public sealed class NativeLibraryMissingException : Exception
{
    public NativeLibraryMissingException(string message, string fixCommand, Exception? inner)
        : base(message, inner)
    {
        FixCommand = fixCommand;
    }

    /// <summary>The shell command that installs what is missing.</summary>
    public string FixCommand { get; }
}
