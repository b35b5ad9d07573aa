using System.Globalization;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.KeyFrames;

/// <summary>ffmpeg re-encodes with our list as <c>-force_key_frames</c> and ffprobe finds a key frame on every slot's frame.</summary>
public sealed class KeyFrameListFfmpegTests
{
    private const double Fps = 25;

    [Fact]
    public async Task ReEncodeWithTheList_KeyFrameOnEverySlotFrame()
    {
        using var folder = new TempFolder();
        // Frames away from the demo's own GOP starts, so a key frame there comes from our list alone.
        int[] frames = [37, 101, 203, 289];
        var document = Samples.OneShot(Fps, frames: 365, path: "demo.mp4") with
        {
            AdSlots = [.. frames.Select(f => new AdSlotEntry(f, f / Fps, Timecode.FromFrame(f, Fps).ToString(), 0.9, ["scene-change"]))],
        };
        var list = (await File.ReadAllTextAsync(await Writers.WriteFileAsync(OutputFormats.KeyFrames, document, folder, "demo"))).Trim();
        var encoded = folder.File("encoded.mp4");

        // A GOP longer than the clip and no scene-cut key frames: x264 places key frames only where it is told.
        await ExternalTool.RunAsync(
            "ffmpeg",
            ["-v", "error", "-i", Path.Combine(SharedData.RepositoryRoot, "samples", "demo", "demo.mp4"), "-an", "-c:v", "libx264", "-preset", "ultrafast",
             "-g", "1000", "-keyint_min", "1000", "-sc_threshold", "0", "-force_key_frames", list, encoded],
            TimeSpan.FromMinutes(3));
        var probe = await ExternalTool.RunAsync(
            "ffprobe",
            ["-v", "error", "-select_streams", "v:0", "-skip_frame", "nokey", "-show_entries", "frame=pts_time", "-of", "csv=p=0", encoded],
            TimeSpan.FromMinutes(1));

        var keyFrames = probe.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => (int)Math.Round(double.Parse(t.TrimEnd(','), CultureInfo.InvariantCulture) * Fps))
            .ToList();
        Assert.Equal([0, .. frames], keyFrames);
    }
}
