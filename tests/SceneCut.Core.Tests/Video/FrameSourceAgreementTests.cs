using SceneCut.Evaluation;
using SceneCut.Pipeline;
using SceneCut.Results;
using SceneCut.Tests.TestSupport;
using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>
/// The FFmpeg and OpenCV sources agree on every clip in <c>../shared/data/clips</c>: the same frames in the same order
/// at the same times (truth files count frames in OpenCV's read order), and the same shot transitions.
/// </summary>
public sealed class FrameSourceAgreementTests
{
    // Timestamps agree to well under a millisecond; OpenCV rounds through milliseconds on its way out.
    private const int TimePrecisionDigits = 4;

    /// <summary>Every clip in the shared data (one placeholder row when it is absent, so the skipped theory still has data).</summary>
    public static TheoryData<string> Clips()
    {
        var data = new TheoryData<string>();
        IEnumerable<string> names = SharedData.Folder is { } folder
            ? Directory.EnumerateFiles(Path.Combine(folder, "clips")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            : new[] { "(shared data absent)" };
        foreach (var name in names)
        {
            data.Add(name);
        }

        return data;
    }

    [SharedDataTheory]
    [MemberData(nameof(Clips))]
    public void ReadFrames_SameFramesTimesAndFacts_AsOpenCv(string clip)
    {
        var path = SharedData.Clip(clip);
        using var opencv = OpenCvFrameSource.Open(path);
        using var ffmpeg = FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64));

        var opencvTimes = opencv.ReadFrames(CancellationToken.None).Select(f => f.Seconds).ToArray();
        var ffmpegTimes = ffmpeg.ReadFrames(CancellationToken.None).Select(f => f.Seconds).ToArray();

        Assert.Equal(opencvTimes.Length, ffmpegTimes.Length);
        Assert.All(opencvTimes.Zip(ffmpegTimes), p => Assert.Equal(p.First, p.Second, TimePrecisionDigits));
        Assert.Equal(opencv.Info.Fps, ffmpeg.Info.Fps, 6);
        Assert.Equal(
            (opencv.Info.Width, opencv.Info.Height, opencv.Info.RotationDegrees, opencv.Info.DeclaredFrameCount),
            (ffmpeg.Info.Width, ffmpeg.Info.Height, ffmpeg.Info.RotationDegrees, ffmpeg.Info.DeclaredFrameCount));
        Assert.Equal(opencv.Summary.EndedEarly, ffmpeg.Summary.EndedEarly);
    }

    /// <summary>The clips with frame-accurate truth (<c>../shared/data/truth</c>): here both sources must agree exactly.</summary>
    public static TheoryData<string> TruthClips()
    {
        var data = new TheoryData<string>();
        IEnumerable<string> names = SharedData.Folder is { } folder
            ? Directory.EnumerateFiles(Path.Combine(folder, "truth"), "*.truth.json")
                .Select(f => Path.GetFileName(TruthFile.Load(f).Video))
                .Where(name => File.Exists(Path.Combine(folder, "clips", name)))
                .Order(StringComparer.Ordinal)
            : new[] { "(shared data absent)" };
        foreach (var name in names)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The clips that have no truth file (the truth clips get the stricter test above).</summary>
    public static TheoryData<string> ClipsWithoutTruth()
    {
        var truth = TruthClips().Cast<object[]>().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var data = new TheoryData<string>();
        foreach (var name in Clips().Cast<object[]>().Select(row => (string)row[0]).Where(name => !truth.Contains(name)))
        {
            data.Add(name);
        }

        // A theory needs one row even when skipped.
        return data.Count > 0 ? data : new TheoryData<string> { "(no clips without truth)" };
    }

    [SharedDataTheory]
    [MemberData(nameof(TruthClips))]
    public async Task Detect_TruthClips_IdenticalTransitionsAndBlack(string clip)
    {
        var (opencv, ffmpeg) = await DetectWithBoth(SharedData.Clip(clip));

        var ffmpegName = FrameSourceFactory.UsesLibraries(new DecodingOptions()) ? "ffmpeg-libraries" : "ffmpeg";
        Assert.Equal(("opencv", ffmpegName), (opencv.Processing.Decoder, ffmpeg.Processing.Decoder));
        Assert.Equal(opencv.Video.FrameCount, ffmpeg.Video.FrameCount);
        Assert.Equal(Transitions(opencv, _ => true), Transitions(ffmpeg, _ => true));
        // Black segments agree to one frame at each end: the darkest frame of a fade may sit on the black threshold.
        Assert.Equal(opencv.BlackSegments.Count, ffmpeg.BlackSegments.Count);
        Assert.All(opencv.BlackSegments.Zip(ffmpeg.BlackSegments), p =>
        {
            Assert.InRange(p.Second.StartFrame, p.First.StartFrame - 1, p.First.StartFrame + 1);
            Assert.InRange(p.Second.EndFrame, p.First.EndFrame - 1, p.First.EndFrame + 1);
        });
    }

    /// <summary>
    /// On every other clip the hard cuts are identical. FFmpeg shrinks with an area filter while OpenCV's path samples
    /// then averages, so the 64-px pictures differ in the last bits; a gradual transition or black frame that sits
    /// exactly on a threshold can then flip (docs/decoding.md lists the three such cases in the shared clips).
    /// </summary>
    [SharedDataTheory]
    [MemberData(nameof(ClipsWithoutTruth))]
    public async Task Detect_ClipsWithoutTruth_IdenticalCuts(string clip)
    {
        var (opencv, ffmpeg) = await DetectWithBoth(SharedData.Clip(clip));

        Assert.Equal(opencv.Video.FrameCount, ffmpeg.Video.FrameCount);
        Assert.Equal(Transitions(opencv, t => t.Kind == TransitionKinds.Cut), Transitions(ffmpeg, t => t.Kind == TransitionKinds.Cut));
    }

    private static async Task<(ResultDocument OpenCv, ResultDocument Ffmpeg)> DetectWithBoth(string path)
    {
        var opencv = await ScenePipeline.RunAsync(path, new PipelineOptions { Decoding = new DecodingOptions { Decoder = DecoderKind.Opencv } }, null, CancellationToken.None);
        // FFmpeg as detect takes it by default: its libraries in-process where they are the known version, else the program.
        var ffmpeg = await ScenePipeline.RunAsync(path, new PipelineOptions { Decoding = new DecodingOptions { Decoder = DecoderKind.Ffmpeg } }, null, CancellationToken.None);
        return (opencv, ffmpeg);
    }

    private static string Transitions(ResultDocument result, Func<TransitionEntry, bool> which) =>
        string.Join(' ', result.Shots.Select(s => s.TransitionIn).OfType<TransitionEntry>().Where(which).Select(t => $"{t.Kind}:{t.StartFrame}-{t.EndFrame}"));

}
