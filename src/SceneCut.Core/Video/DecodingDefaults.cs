namespace SceneCut.Video;

/// <summary>Default values of <see cref="DecodingOptions"/>, in one place.</summary>
public static class DecodingDefaults
{
    /// <summary>Take the system FFmpeg when it works: it decodes about twice as fast as OpenCV's bundled build (docs/decoding.md).</summary>
    public const DecoderKind Decoder = DecoderKind.Auto;

    /// <summary>Program name looked up on <c>PATH</c> when no path is configured.</summary>
    public const string FfmpegProgram = "ffmpeg";

    /// <summary>Hardware decoding is off: on machines without a GPU it only adds start-up probing, and it is not frame-exact on every driver.</summary>
    public const string? HardwareAcceleration = null;

    /// <summary>Decode through FFmpeg's libraries in-process when they are the known version: as fast as <c>ffmpeg -f null</c>.</summary>
    public const bool FfmpegLibraries = true;

    /// <summary>0 lets FFmpeg pick its decoder thread count (one per core plus one).</summary>
    public const int Threads = 0;

    /// <summary>Seconds a <c>-version</c> or <c>ffprobe</c> call may take before the program counts as not working.</summary>
    public const double ProbeTimeoutSeconds = 30.0;
}
