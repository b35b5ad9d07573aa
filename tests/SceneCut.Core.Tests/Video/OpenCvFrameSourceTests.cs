using SceneCut.Pipeline;
using SceneCut.Synthetic;
using SceneCut.Tests.TestSupport;
using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>Decoding real and damaged files: clear errors that name the file and the cause, never a hang or a crash.</summary>
public sealed class OpenCvFrameSourceTests
{
    [Fact]
    public void Open_MissingFile_NotFound()
    {
        var ex = Assert.Throws<VideoInputException>(() => OpenCvFrameSource.Open("/no/such/clip.mp4"));

        Assert.Equal(VideoInputError.NotFound, ex.Error);
        Assert.Contains("/no/such/clip.mp4", ex.Message);
    }

    [Fact]
    public void Open_ZeroBytes_Empty()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.mp4");
        File.WriteAllBytes(path, []);

        var ex = Assert.Throws<VideoInputException>(() => OpenCvFrameSource.Open(path));

        Assert.Equal(VideoInputError.Empty, ex.Error);
        Assert.Contains("empty", ex.Message);
    }

    [Fact]
    public void Open_Directory_Unreadable()
    {
        using var folder = new TempFolder();

        var ex = Assert.Throws<VideoInputException>(() => OpenCvFrameSource.Open(folder.Path));

        Assert.Equal(VideoInputError.Unreadable, ex.Error);
    }

    [Theory]
    [InlineData("notes.mp4", "This is a text file, not a video.\n")]
    [InlineData("random.avi", null)]
    public void Open_NotAVideo_ClearError(string name, string? text)
    {
        using var folder = new TempFolder();
        var path = folder.File(name);
        if (text is null)
        {
            var bytes = new byte[64 * 1024];
            new Random(7).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);
        }
        else
        {
            File.WriteAllText(path, text);
        }

        var ex = Assert.ThrowsAny<VideoInputException>(() =>
        {
            using var source = OpenCvFrameSource.Open(path);
            _ = source.ReadFrames(CancellationToken.None).Count();
        });

        Assert.Contains(path, ex.Message);
        Assert.True(ex.Error is VideoInputError.NotAVideo or VideoInputError.NoFrames, $"unexpected {ex.Error}");
    }

    [Theory]
    [InlineData("name with spaces.mp4")]
    [InlineData("ünïcödé — 映画.mp4")]
    [InlineData("-leading-dash.mp4")]
    [InlineData("quote's \"here\".mp4")]
    public async Task Detect_OddFileNames_Work(string name)
    {
        using var folder = new TempFolder();
        var path = folder.File(name);
        SyntheticClip.Write(path, [new(1, 20), new(2, 20)], [Synthetic.SyntheticTransition.Cut], new OpenCvSharp.Size(160, 90), 25);

        var result = await ScenePipeline.RunAsync(path, new PipelineOptions(), null, CancellationToken.None);

        Assert.Equal(40, result.Video.FrameCount);
        Assert.Equal(20, result.Shots[1].StartFrame);
    }

    [SharedDataFact]
    public async Task Detect_TruncatedFile_StopsAtLastGoodFrameAndSaysSo()
    {
        using var folder = new TempFolder();
        var path = folder.File("truncated.avi");
        var original = await File.ReadAllBytesAsync(SharedData.Clip("Megamind.avi"));
        await File.WriteAllBytesAsync(path, original.AsSpan(0, original.Length / 2).ToArray());

        var result = await ScenePipeline.RunAsync(path, new PipelineOptions(), null, CancellationToken.None);

        Assert.InRange(result.Video.FrameCount, 50, 200);
        Assert.False(result.Video.DecodeComplete);
        Assert.Contains(result.Processing.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
        // The cut at 98 lies in the decoded half and is still found.
        Assert.Contains(result.Shots, s => s.StartFrame == 98);
    }

    [SharedDataFact]
    public void ReadFrames_WrongFrameCountInHeader_DecodesWhatIsThere()
    {
        // tree.avi's header claims 444 frames; 68 decode.
        using var source = OpenCvFrameSource.Open(SharedData.Clip("tree.avi"));

        Assert.Equal(68, source.ReadFrames(CancellationToken.None).Count());
        Assert.Equal(68, source.Summary.FramesDecoded);
    }

    [SharedDataFact]
    public void ReadFrames_VariableFrameRate_UsesStreamTimestamps()
    {
        // goldeneye-vfr-drop3.mp4 drops every third frame: steps alternate 1 and 2 frame durations (ffprobe pts).
        using var source = OpenCvFrameSource.Open(SharedData.Clip("goldeneye-vfr-drop3.mp4"));
        var times = source.ReadFrames(CancellationToken.None).Select(f => f.Seconds).ToArray();

        var steps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        Assert.All(steps, s => Assert.True(s > 0));
        Assert.Equal(0.125125 - 0.041708, times[2] - times[1], 3);
        Assert.True(steps.Max() > 1.8 * steps.Min(), "timestamps look evenly spaced: index / fps instead of the stream's");
    }

    [SharedDataFact]
    public void Open_RotationMetadata_FramesComeOutAsDisplayed()
    {
        // issue-134-rotate.mp4 is stored 1280x544 with a 90° rotation: it displays 544 wide, 1280 high.
        using var source = OpenCvFrameSource.Open(SharedData.Clip("issue-134-rotate.mp4"));
        var first = source.ReadFrames(CancellationToken.None).First();

        Assert.Equal(544, source.Info.Width);
        Assert.Equal(1280, source.Info.Height);
        Assert.Equal(544, first.Image.Width);
        Assert.Equal(1280, first.Image.Height);
        Assert.Equal(90, source.Info.RotationDegrees);
    }

    [Fact]
    public void ReadFrames_Cancelled_Stops()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        SyntheticClip.Write(path, [new(1, 30)], [], new OpenCvSharp.Size(160, 90), 25);
        using var cancellation = new CancellationTokenSource();
        using var source = OpenCvFrameSource.Open(path);

        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var frame in source.ReadFrames(cancellation.Token))
            {
                if (frame.Index == 5)
                {
                    cancellation.Cancel();
                }
            }
        });
    }
}
