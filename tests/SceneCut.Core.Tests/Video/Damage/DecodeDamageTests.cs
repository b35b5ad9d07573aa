using SceneCut.Pipeline;
using SceneCut.Results;
using SceneCut.Video;
using SceneCut.Video.Damage;
using SceneCut.Video.Libav;

namespace SceneCut.Tests.Video.Damage;

/// <summary>
/// Damage is reported, not hidden: a real H.264 clip with random bit flips reports damaged frames where
/// <c>ffmpeg -v error</c> complains, through FFmpeg's libraries and through the program; the clean clip reports none;
/// OpenCV says it cannot tell; a cut on a damaged frame is marked.
/// </summary>
public sealed class DecodeDamageTests
{
    // ffmpeg on one thread prints an error before the frame it is about or up to a few frames earlier (B-frames), and
    // with frame threads a message covers the frames in flight: a flagged frame counts as found this close to a range.
    private const int ToleranceFrames = 4;

    private const string Clip = "cockatoo.mp4";

    public static TheoryData<string> FfmpegSources => new() { "libraries", "program" };

    [SharedDataTheory]
    [MemberData(nameof(FfmpegSources))]
    public void BitFlippedClip_ReportsDamageWhereFfmpegComplains(string source)
    {
        using var folder = new TempFolder();
        var path = Mp4Damage.FlipBits(SharedData.Clip(Clip), folder.File("flipped.mp4"), flips: 40, seed: 24);
        var flagged = DamagedClips.FramesFfmpegFlags(path);
        Assert.True(flagged.Count >= 5, $"the bit flips should make ffmpeg complain; it flagged {flagged.Count} frames");

        var summary = Decode(path, source);

        var damage = summary.Damage;
        Assert.True(damage.CanTell);
        var missed = flagged.Where(f => !damage.Touches(f, f, ToleranceFrames)).ToList();
        Assert.True(missed.Count == 0, $"frames ffmpeg flags but no damaged range covers: {string.Join(", ", missed)}; ranges: {Describe(damage)}");
        Assert.All(damage.Ranges, r => Assert.NotEmpty(r.Messages));
        Assert.Contains(damage.Ranges.SelectMany(r => r.Messages), m => m.StartsWith("h264: ", StringComparison.Ordinal));
        // Damage is placed, not smeared over the whole file.
        Assert.True(damage.DamagedFrames < summary.FramesDecoded / 2, Describe(damage));
    }

    [SharedDataTheory]
    [MemberData(nameof(FfmpegSources))]
    public void CleanClip_ReportsNoDamage(string source)
    {
        var summary = Decode(SharedData.Clip(Clip), source);

        Assert.True(summary.Damage.CanTell);
        Assert.Empty(summary.Damage.Ranges);
    }

    [SharedDataFact]
    public void OpenCv_SaysItCannotTell()
    {
        using var folder = new TempFolder();
        var path = Mp4Damage.FlipBits(SharedData.Clip(Clip), folder.File("flipped.mp4"), flips: 40, seed: 24);

        var summary = Decode(path, "opencv");

        Assert.Same(DecodeDamage.Unknown, summary.Damage);
    }

    [Fact]
    public async Task CutNextToADamagedFrame_IsMarked_AndTheSameCutInTheCleanFileIsNot()
    {
        using var folder = new TempFolder();
        var clean = folder.File("clean.mp4");
        var damaged = folder.File("damaged.mp4");
        // A hard cut at frame 50; no B-frames, so packet 50 is frame 50; CABAC (not ultrafast's CAVLC), whose damage the decoder always notices.
        MakeCut(clean);
        File.Copy(clean, damaged);
        // The frame after the cut: damage on the cut's own keyframe is concealed from the old shot and hides the cut.
        DamagedClips.DamagePacket(damaged, frame: 51);

        var cleanCut = CutNear(await AnalyseAsync(clean), 50);
        var result = await AnalyseAsync(damaged);
        var damagedCut = CutNear(result, 50);

        Assert.False(cleanCut.Damaged);
        Assert.True(damagedCut.Damaged, $"cut at {damagedCut.StartFrame}; damaged ranges {string.Join(", ", result.Processing.DamagedFrames.Select(d => $"{d.StartFrame}-{d.EndFrame}"))}");
        Assert.Contains(result.Processing.DamagedFrames, d => d.StartFrame <= 51 && d.EndFrame >= 50);
        Assert.Contains(result.Processing.Warnings, w => w.Contains("decoded with errors", StringComparison.Ordinal));
        Assert.True(result.Processing.DecodeHealth is { DamageDetectable: true, DamagedFrameCount: > 0 });
    }

    private static DecodeSummary Decode(string path, string source)
    {
        var scale = FrameScale.ToWidth(64);
        using IFrameSource frames = source switch
        {
            "libraries" => LibavFrameSource.Open(path, FfmpegTestClips.Tools, FfmpegTestClips.FfmpegLibrariesOnly, scale),
            "program" => FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, FfmpegTestClips.FfmpegProgramOnly, scale),
            _ => OpenCvFrameSource.Open(path),
        };
        foreach (var _ in frames.ReadFrames(CancellationToken.None))
        {
        }

        return frames.Summary;
    }

    private static Task<ResultDocument> AnalyseAsync(string path)
    {
        var options = new PipelineOptions { Decoding = FfmpegTestClips.FfmpegLibrariesOnly };
        options.Scenes.Enabled = false;
        return ScenePipeline.RunAsync(path, options, null, CancellationToken.None);
    }

    private static TransitionEntry CutNear(ResultDocument document, int frame) =>
        Assert.Single(document.Shots, s => s.TransitionIn is { } t && Math.Abs(t.StartFrame - frame) <= 2).TransitionIn!;

    private static void MakeCut(string path) =>
        FfmpegCommand.Run(
            FfmpegTestClips.Tools.FfmpegPath,
            [
                "-hide_banner", "-nostdin", "-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=2",
                "-f", "lavfi", "-i", "smptebars=size=320x180:rate=25:duration=2",
                "-filter_complex", "[0:v][1:v]concat=n=2:v=1[v]", "-map", "[v]", "-t", "4",
                "-c:v", "libx264", "-preset", "veryfast", "-bf", "0", "-g", "250", "-pix_fmt", "yuv420p", "file:" + path,
            ],
            TimeSpan.FromSeconds(60),
            CancellationToken.None);

    private static string Describe(DecodeDamage damage) =>
        string.Join(", ", damage.Ranges.Select(r => $"{r.StartFrame}-{r.EndFrame}"));
}
