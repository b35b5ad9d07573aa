using System.Globalization;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>Small clips made with ffmpeg's test source, for muxing tests that need a video of a known length.</summary>
public static class TestClips
{
    /// <summary>A <paramref name="seconds"/>-long 160×90 clip at <paramref name="rate"/> (e.g. <c>30000/1001</c>) in <paramref name="folder"/>.</summary>
    public static async Task<string> MakeAsync(TempFolder folder, string name, double seconds, string rate)
    {
        var path = folder.File(name);
        await ExternalTool.RunAsync("ffmpeg",
        [
            "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", $"testsrc2=size=160x90:rate={rate}",
            "-t", seconds.ToString("0.###", CultureInfo.InvariantCulture),
            "-c:v", "mpeg4", "-q:v", "10", path,
        ], TimeSpan.FromMinutes(1));
        return path;
    }
}
