namespace SceneCut.Video;

/// <summary>A video that cannot be analysed, with the file and the cause in the message.</summary>
public sealed class VideoInputException : Exception
{
    public VideoInputException(string path, VideoInputError error, string cause, Exception? inner = null)
        : base($"{path}: {cause}", inner)
    {
        Path = path;
        Error = error;
        Cause = cause;
    }

    /// <summary>The file as given by the caller.</summary>
    public string Path { get; }

    /// <summary>The kind of failure.</summary>
    public VideoInputError Error { get; }

    /// <summary>The cause without the path.</summary>
    public string Cause { get; }
}
