using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// Loads OpenCvSharp's native library once and turns a bare <see cref="DllNotFoundException"/> into a message that
/// names the missing system library and the command that installs it.
/// </summary>
public static partial class OpenCvRuntime
{
    // AV_LOG_QUIET for the FFmpeg inside OpenCV: it reads this variable once, when its first capture opens.
    private const string FfmpegLogLevelVariable = "OPENCV_FFMPEG_LOGLEVEL";
    private const string FfmpegQuiet = "-8";

    // libOpenCvSharpExtern.so from OpenCvSharp4.official.runtime.linux-x64 links against GTK 3 for highgui;
    // these are the libraries a minimal Debian/Ubuntu image lacks, with the package that provides them.
    private static readonly (string Library, string Package)[] LinuxDependencies =
    [
        ("libgtk-3.so.0", "libgtk-3-0"),
        ("libgdk-3.so.0", "libgtk-3-0"),
    ];

    private static readonly Lazy<string> Version = new(LoadOrExplain, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Version of the loaded OpenCV, e.g. <c>4.13.0</c>. Throws <see cref="NativeLibraryMissingException"/> when it cannot load.</summary>
    public static string EnsureLoaded() => Version.Value;

    private static string LoadOrExplain()
    {
        try
        {
            // OpenCV's bundled FFmpeg prints its errors ("[h264 @ 0x…] error while decoding MB …") straight to our stderr;
            // it reads the process environment natively, which Environment.SetEnvironmentVariable does not change on Unix.
            if (!OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable(FfmpegLogLevelVariable) is null)
            {
                _ = SetEnvironment(FfmpegLogLevelVariable, FfmpegQuiet, 1);
            }

            var version = Cv2.GetVersionString() ?? "unknown";
            // OpenCV prints its own warnings to our stderr ("[ WARN:0@0.08] global cap.cpp:215 open VIDEOIO(FFMPEG) ...",
            // for an audio-only file); every failure it has also comes back as a result we turn into our own message.
            Cv2.SetLogLevel(LogLevel.SILENT);
            return version;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException)
        {
            throw Explain(ex);
        }
    }

    private static NativeLibraryMissingException Explain(Exception cause)
    {
        if (OperatingSystem.IsLinux())
        {
            var missing = LinuxDependencies.Where(d => !NativeLibrary.TryLoad(d.Library, out _)).ToArray();
            if (missing.Length > 0)
            {
                var packages = string.Join(' ', missing.Select(m => m.Package).Distinct());
                var command = $"sudo apt-get install -y {packages}";
                return new NativeLibraryMissingException(
                    $"OpenCV's native library libOpenCvSharpExtern.so cannot load: {string.Join(", ", missing.Select(m => m.Library))} " +
                    $"is missing. Install it with: {command}",
                    command,
                    cause);
            }

            return new NativeLibraryMissingException(
                $"OpenCV's native library libOpenCvSharpExtern.so cannot load ({cause.GetBaseException().Message}). " +
                "Run `ldd` on it (in the build output's runtimes/linux-x64/native folder) to see which library is missing.",
                "ldd runtimes/linux-x64/native/libOpenCvSharpExtern.so | grep 'not found'",
                cause);
        }

        return new NativeLibraryMissingException(
            $"OpenCV's native library OpenCvSharpExtern cannot load ({cause.GetBaseException().Message}). " +
            "Install the Microsoft Visual C++ Redistributable (x64) and rebuild so OpenCvSharp4.runtime.win is restored.",
            "winget install Microsoft.VCRedist.2015+.x64",
            cause);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
