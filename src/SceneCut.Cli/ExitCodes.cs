using SceneCut.Video;

namespace SceneCut.Cli;

/// <summary>Process exit codes of <c>scenecut</c>, documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>Bad command line or an unexpected failure.</summary>
    public const int Failure = 1;

    /// <summary>The evaluation ran but the scores are below the requested minimum.</summary>
    public const int BelowThreshold = 2;

    /// <summary>The input file does not exist.</summary>
    public const int InputNotFound = 3;

    /// <summary>The input file is empty (0 bytes).</summary>
    public const int InputEmpty = 4;

    /// <summary>The input file cannot be read (permissions, a directory, I/O error).</summary>
    public const int InputUnreadable = 5;

    /// <summary>The input is not a video the decoder recognises.</summary>
    public const int InputNotAVideo = 6;

    /// <summary>The input opened but no frame decoded (corrupt or truncated).</summary>
    public const int InputNoFrames = 7;

    /// <summary>The output file cannot be written.</summary>
    public const int OutputNotWritable = 8;

    /// <summary>OpenCV's native library or one of its system dependencies is missing.</summary>
    public const int NativeLibraryMissing = 9;

    /// <summary>Invalid settings in appsettings.json or on the command line.</summary>
    public const int InvalidConfiguration = 10;

    /// <summary><c>batch</c>: at least one file ended without a result (quarantined or left pending); <c>enqueue</c>: at least one file could not be read.</summary>
    public const int SomeFilesFailed = 11;

    /// <summary><c>enqueue</c>: the scale-out database (Scale:ConnectionString) cannot be reached.</summary>
    public const int DatabaseUnreachable = 12;

    /// <summary>Interrupted (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code for a bad input file.</summary>
    public static int For(VideoInputError error) => error switch
    {
        VideoInputError.NotFound => InputNotFound,
        VideoInputError.Empty => InputEmpty,
        VideoInputError.Unreadable => InputUnreadable,
        VideoInputError.NotAVideo => InputNotAVideo,
        VideoInputError.NoFrames => InputNoFrames,
        _ => Failure,
    };
}
