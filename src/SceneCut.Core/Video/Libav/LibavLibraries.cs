using System.Runtime.InteropServices;

namespace SceneCut.Video.Libav;

/// <summary>
/// Whether FFmpeg's libraries can decode inside this process: they load, and their major versions are the ones whose
/// struct layout <see cref="LibavNative"/> knows (FFmpeg 5.1, the Debian 12 <c>ffmpeg</c> package's own libraries).
/// Checked once per process; any other FFmpeg falls back to running the <c>ffmpeg</c> program, which works with every version.
/// </summary>
internal static class LibavLibraries
{
    private static readonly Lazy<string?> UnavailableReason = new(Check);

    /// <summary>True when <see cref="LibavFrameSource"/> can be used.</summary>
    public static bool IsAvailable => UnavailableReason.Value is null;

    /// <summary>Why the libraries cannot be used (for logs and the bench); null when they can.</summary>
    public static string? WhyUnavailable => UnavailableReason.Value;

    private static unsafe string? Check()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return "FFmpeg's libraries are used in-process on Linux x64 only";
        }

        foreach (var name in (string[])[LibavNative.AvFormat, LibavNative.AvCodec, LibavNative.AvUtil, LibavNative.SwScale])
        {
            if (!NativeLibrary.TryLoad(name, out _))
            {
                return $"{name} is not installed (FFmpeg 5.1's libraries, e.g. Debian 12's ffmpeg package)";
            }
        }

        // The sonames pin the majors already; a library renamed by hand or a rebuilt one still has to say so itself.
        var versions = new (string Name, uint Version, int Major)[]
        {
            ("libavformat", LibavNative.AvFormatVersion(), LibavNative.AvFormatMajor),
            ("libavcodec", LibavNative.AvCodecVersion(), LibavNative.AvCodecMajor),
            ("libavutil", LibavNative.AvUtilVersion(), LibavNative.AvUtilMajor),
            ("libswscale", LibavNative.SwScaleVersion(), LibavNative.SwScaleMajor),
        };
        foreach (var (name, version, major) in versions)
        {
            if ((int)(version >> 16) != major)
            {
                return $"{name} reports version {version >> 16}.{(version >> 8) & 0xFF}, not {major}.x";
            }
        }

        LibavLog.Install();
        return null;
    }
}
