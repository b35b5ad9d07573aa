using System.Diagnostics;

namespace SceneCut.Worker.Tests.TestSupport;

/// <summary>Small H.264 test videos made with ffmpeg once per test run, and copies with distinct bytes.</summary>
internal static class TestVideos
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "scenecut-worker-videos-" + Environment.ProcessId);
    private static readonly Lock Gate = new();

    /// <summary>2 s, 160×120, 25 fps: 50 frames.</summary>
    public static string Short => Make("short.mp4", "testsrc=size=160x120:rate=25", 2);

    /// <summary>60 s, 320×240, 25 fps: 1500 frames, long enough to act on a job while it runs.</summary>
    public static string Long => Make("long.mp4", "testsrc2=size=320x240:rate=25", 60);

    /// <summary>Frames in <see cref="Short"/>.</summary>
    public const int ShortFrames = 50;

    /// <summary>A copy of <paramref name="source"/> at <paramref name="destination"/> whose bytes differ (a metadata tag), so its content is new.</summary>
    public static void DistinctCopy(string source, string destination, string tag) =>
        Run("-loglevel", "error", "-y", "-i", source, "-c", "copy", "-metadata", "comment=" + tag, destination);

    private static string Make(string name, string lavfi, int seconds)
    {
        lock (Gate)
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Folder);
                var temporary = path + ".tmp.mp4";
                Run("-loglevel", "error", "-y", "-f", "lavfi", "-i", lavfi, "-t", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    "-c:v", "libx264", "-pix_fmt", "yuv420p", "-g", "50", temporary);
                File.Move(temporary, path);
            }

            return path;
        }
    }

    private static void Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {error}");
        }
    }
}
