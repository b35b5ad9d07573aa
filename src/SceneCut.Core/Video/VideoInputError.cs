namespace SceneCut.Video;

/// <summary>Why a video could not be analysed. Each value maps to its own CLI exit code.</summary>
public enum VideoInputError
{
    /// <summary>No file at the given path.</summary>
    NotFound,

    /// <summary>The file exists but holds zero bytes.</summary>
    Empty,

    /// <summary>The file exists but the process may not read it (permissions, a directory, a lock).</summary>
    Unreadable,

    /// <summary>The decoder does not recognise the file as a video.</summary>
    NotAVideo,

    /// <summary>The container opened but not a single frame decoded (corrupt or truncated before the first frame).</summary>
    NoFrames,
}
