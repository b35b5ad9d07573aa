using System.Diagnostics;
using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>The machine's FFmpeg for tests (CI installs it with .ci/deps), and small clips made with it.</summary>
internal static class FfmpegTestClips
{
    /// <summary>The located tools; tests that need FFmpeg fail with the locator's reason when it is missing.</summary>
    public static FfmpegTools Tools => FfmpegLocator.Locate(new DecodingOptions());

    /// <summary>Options that force the <c>ffmpeg</c> program source.</summary>
    public static DecodingOptions FfmpegProgramOnly => new() { Decoder = DecoderKind.Ffmpeg, FfmpegLibraries = false };

    /// <summary>Options that take FFmpeg through its libraries (the default on machines where they are the known version).</summary>
    public static DecodingOptions FfmpegLibrariesOnly => new() { Decoder = DecoderKind.Ffmpeg, FfmpegLibraries = true };

    /// <summary>Writes a <paramref name="seconds"/>-long H.264 test pattern (a moving picture: every frame differs) to <paramref name="path"/>.</summary>
    public static void TestPattern(string path, double seconds = 2, int width = 320, int height = 180, int fps = 25, params string[] extraOutputArguments)
    {
        var arguments = new List<string>
        {
            "-hide_banner", "-nostdin", "-v", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate={fps}:duration={seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
        };
        arguments.AddRange(extraOutputArguments);
        arguments.Add("file:" + Path.GetFullPath(path));
        Run(Tools.FfmpegPath, arguments);
    }

    /// <summary>Every frame's presentation time as ffprobe reports it (the reference for timestamps).</summary>
    public static double[] FramePresentationTimes(string path)
    {
        var output = Run(Tools.FfprobePath, ["-v", "error", "-select_streams", "v:0", "-show_entries", "frame=pts_time", "-of", "csv=p=0", "file:" + Path.GetFullPath(path)]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => double.Parse(line.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture))
            .ToArray();
    }

    /// <summary>True while a process with this id exists; on Linux a zombie (exited, never reaped) counts as existing.</summary>
    public static bool ProcessExists(int id)
    {
        if (OperatingSystem.IsLinux())
        {
            return Directory.Exists($"/proc/{id}");
        }

        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string Run(string program, IEnumerable<string> arguments)
    {
        var result = FfmpegCommand.Run(program, arguments, TimeSpan.FromSeconds(60), CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed: {result.StandardError}");
        }

        return result.StandardOutput;
    }
}
