using OpenCvSharp;
using SceneCut.Pipeline;
using SceneCut.Tests.TestSupport;
using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>
/// Sample pictures (the CNN's frames) come with exactly the frames they belong to, at the sample size, from both
/// sources; FFmpeg's second output ends cleanly with the decode, whatever way it ends.
/// </summary>
public sealed class FrameSamplingTests
{
    private static readonly FrameSampling EveryQuarterSecond = new(0.25, 90);

    [Theory]
    [InlineData(1280, 720, 160, 90)]
    [InlineData(544, 1280, 90, 212)]
    [InlineData(100, 60, 100, 60)]
    public void Resolve_ShorterSideBecomesShortSide_NeverEnlarged(int width, int height, int expectedWidth, int expectedHeight)
    {
        Assert.Equal(new Size(expectedWidth, expectedHeight), EveryQuarterSecond.Resolve(new Size(width, height)));
    }

    [Theory]
    [InlineData(25.0, 6)]
    [InlineData(23.976, 6)]
    [InlineData(60.0, 15)]
    [InlineData(0.0, 6)]
    public void EveryFrames_RoundsTheCadenceToFrames(double fps, int expected)
    {
        Assert.Equal(expected, EveryQuarterSecond.EveryFrames(fps));
    }

    [Fact]
    public void Ffmpeg_SamplesExactlyEveryNthFrame_AtTheSampleSize_MatchingTheSmallFrame()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        // testsrc2 moves every frame, so a sample taken from the wrong frame would not match that frame's small picture.
        FfmpegTestClips.TestPattern(path, seconds: 2, width: 320, height: 180);
        using var source = FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64), EveryQuarterSecond);

        var sampled = new List<int>();
        var worstDifference = 0.0;
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            if (frame.Sample is not { } sample)
            {
                continue;
            }

            sampled.Add(frame.Index);
            Assert.Equal(new Size(160, 90), sample.Size());
            using var shrunk = new Mat();
            Cv2.Resize(sample, shrunk, frame.Image.Size(), interpolation: InterpolationFlags.Area);
            worstDifference = Math.Max(worstDifference, MeanAbsoluteDifference(shrunk, frame.Image));
        }

        Assert.Equal(new Size(160, 90), source.SampleSize);
        Assert.Equal(Enumerable.Range(0, 9).Select(k => k * 6), sampled);
        Assert.InRange(worstDifference, 0, 12);
    }

    [Fact]
    public void Ffmpeg_NeighbouringFrameWouldNotMatch_SoTheCheckAboveHasTeeth()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 1, width: 320, height: 180);
        using var source = FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64), EveryQuarterSecond);

        using var sampleOfFrame6 = new Mat();
        var differenceToFrame9 = double.NaN;
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            if (frame.Index == 6)
            {
                Cv2.Resize(frame.Sample!, sampleOfFrame6, frame.Image.Size(), interpolation: InterpolationFlags.Area);
            }
            else if (frame.Index == 9)
            {
                differenceToFrame9 = MeanAbsoluteDifference(sampleOfFrame6, frame.Image);
            }
        }

        Assert.True(differenceToFrame9 > 12, $"frames 6 and 9 differ by only {differenceToFrame9:0.0} grey levels");
    }

    [SharedDataFact]
    public void BothSources_SampleTheSameFrames_RotationApplied()
    {
        var path = SharedData.Clip("issue-134-rotate.mp4");
        var sampling = new FrameSampling(0.25, 256);
        using var opencv = OpenCvFrameSource.Open(path, sampling);
        using var ffmpeg = FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64), sampling);

        var opencvSamples = opencv.ReadFrames(CancellationToken.None).Where(f => f.Sample is not null).Select(f => (f.Index, f.Sample!.Size())).ToArray();
        var ffmpegSamples = ffmpeg.ReadFrames(CancellationToken.None).Where(f => f.Sample is not null).Select(f => (f.Index, f.Sample!.Size())).ToArray();

        Assert.Equal(opencvSamples.Select(s => s.Index), ffmpegSamples.Select(s => s.Index));
        Assert.All(opencvSamples, s => Assert.Equal(new Size(544, 1280), s.Item2));
        Assert.All(ffmpegSamples, s => Assert.Equal(new Size(256, 602), s.Item2));
    }

    [SharedDataFact]
    public void Ffmpeg_TruncatedFile_SamplesEndWithTheFrames()
    {
        using var folder = new TempFolder();
        var path = folder.File("truncated.avi");
        var original = File.ReadAllBytes(SharedData.Clip("Megamind.avi"));
        File.WriteAllBytes(path, original.AsSpan(0, original.Length / 2).ToArray());
        using var source = FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64), EveryQuarterSecond);

        var frames = 0;
        var samples = 0;
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            frames++;
            samples += frame.Sample is null ? 0 : 1;
        }

        Assert.InRange(frames, 50, 200);
        // Every sample point up to the last good frame has its picture (the last one may be cut off with the file).
        Assert.InRange(samples, ((frames - 1) / 6), ((frames - 1) / 6) + 1);
        Assert.True(source.Summary.EndedEarly);
    }

    [Fact]
    public void Ffmpeg_ConsumerStopsEarly_ChildEndsAndSocketFolderIsGone()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 4);
        using var source = FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64), EveryQuarterSecond);
        var url = source.Arguments[^1];

        var taken = source.ReadFrames(CancellationToken.None).Where(f => f.Sample is not null).Take(2).Count();

        Assert.Equal(2, taken);
        Assert.False(FfmpegTestClips.ProcessExists(source.ProcessId!.Value), "ffmpeg is still running or a zombie");
        if (url.StartsWith("unix://", StringComparison.Ordinal))
        {
            Assert.False(Directory.Exists(Path.GetDirectoryName(url["unix://".Length..])), "the socket's folder was left behind");
        }
    }

    [Fact]
    public void Ffmpeg_NeverRead_DisposeClosesTheSocket()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 0.4);
        var source = FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64), EveryQuarterSecond);
        var url = source.Arguments[^1];

        source.Dispose();

        Assert.True(url.StartsWith("unix://", StringComparison.Ordinal) || url.StartsWith("tcp://127.0.0.1:", StringComparison.Ordinal), url);
        if (url.StartsWith("unix://", StringComparison.Ordinal))
        {
            Assert.False(File.Exists(url["unix://".Length..]));
        }
    }

    private static double MeanAbsoluteDifference(Mat a, Mat b)
    {
        using var difference = new Mat();
        Cv2.Absdiff(a, b, difference);
        var mean = Cv2.Mean(difference);
        return (mean.Val0 + mean.Val1 + mean.Val2) / 3;
    }
}
