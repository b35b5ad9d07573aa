using OpenCvSharp;
using SceneCut.Pipeline;
using SceneCut.Tests.TestSupport;
using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>
/// The frame-source contract both FFmpeg sources keep, run once per source (<see cref="FfmpegFrameSourceTests"/>,
/// <see cref="LibavFrameSourceTests"/>): order, exact times, rotation, clear errors with FFmpeg's own words, odd names.
/// </summary>
public abstract class FfmpegSourceContractTests
{
    /// <summary>Opens <paramref name="path"/> with the source under test.</summary>
    protected abstract IFrameSource Open(string path, FrameScale scale);

    /// <summary>Decoding options that make <c>detect</c> use the source under test.</summary>
    protected abstract DecodingOptions Options { get; }

    /// <summary>What <c>processing.decoder</c> says when the source under test ran.</summary>
    protected abstract string DecoderName { get; }

    [Fact]
    public void Open_MissingFile_NotFound()
    {
        var ex = Assert.Throws<VideoInputException>(() => Open("/no/such/clip.mp4", FrameScale.Full));

        Assert.Equal(VideoInputError.NotFound, ex.Error);
        Assert.Contains("/no/such/clip.mp4", ex.Message);
    }

    [Fact]
    public void Open_TextFile_NotAVideoWithFfmpegsOwnWords()
    {
        using var folder = new TempFolder();
        var path = folder.File("notes.mp4");
        File.WriteAllText(path, "This is a text file, not a video.\n");

        var ex = Assert.Throws<VideoInputException>(() => Open(path, FrameScale.Full));

        Assert.Equal(VideoInputError.NotAVideo, ex.Error);
        Assert.StartsWith(path + ": ", ex.Message, StringComparison.Ordinal);
        // FFmpeg's text reaches the user ("Invalid data found when processing input" or "moov atom not found").
        Assert.Matches("Invalid data|moov atom", ex.Message);
    }

    [Fact]
    public void Open_AudioOnly_SaysThereIsNoVideoStream()
    {
        using var folder = new TempFolder();
        var path = folder.File("tone.wav");
        var result = FfmpegCommand.Run(
            FfmpegTestClips.Tools.FfmpegPath,
            ["-v", "error", "-nostdin", "-f", "lavfi", "-i", "sine=duration=0.2", "file:" + path],
            TimeSpan.FromSeconds(30),
            CancellationToken.None);
        Assert.Equal(0, result.ExitCode);

        var ex = Assert.Throws<VideoInputException>(() => Open(path, FrameScale.Full));

        Assert.Equal(VideoInputError.NotAVideo, ex.Error);
        Assert.Contains("no video stream (FFmpeg found only audio)", ex.Message);
    }

    [Fact]
    public void ReadFrames_ScaledToWidth_DeliversExactlyFrameSize()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 1, width: 320, height: 180);
        using var source = Open(path, FrameScale.ToWidth(64));

        var sizes = source.ReadFrames(CancellationToken.None).Select(f => (f.Image.Width, f.Image.Height, f.Image.IsContinuous())).Distinct().ToArray();

        Assert.Equal(DecoderName, source.DecoderName);
        Assert.Equal(new Size(64, 36), source.FrameSize);
        Assert.Equal([(64, 36, true)], sizes);
        Assert.Equal(25, source.Summary.FramesDecoded);
        Assert.Null(source.Summary.Warning);
    }

    [Fact]
    public void ReadFrames_Exact224_ForEmbeddings()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 0.4, width: 320, height: 180);
        using var source = Open(path, FrameScale.Exact(224, 224));

        // The image belongs to the source and is released when enumeration ends: read its size inside the loop.
        var size = source.ReadFrames(CancellationToken.None).Select(f => f.Image.Size()).First();

        Assert.Equal(new Size(224, 224), size);
    }

    [Theory]
    [InlineData("name with spaces.mp4")]
    [InlineData("ünïcödé — 映画.mp4")]
    [InlineData("-leading-dash.mp4")]
    [InlineData("quote's \"here\" $(x) `y`;.mp4")]
    [InlineData("file:colon.mp4")]
    public async Task Detect_OddFileNames_ReachFfmpegIntact(string name)
    {
        using var folder = new TempFolder();
        var path = folder.File(name);
        FfmpegTestClips.TestPattern(path, seconds: 0.4);

        var result = await ScenePipeline.RunAsync(path, new PipelineOptions { Decoding = Options }, null, CancellationToken.None);

        Assert.Equal(DecoderName, result.Processing.Decoder);
        Assert.Equal(10, result.Video.FrameCount);
    }

    [Fact]
    public void ReadFrames_AudioStartsFirst_TimesCountFromTheVideoStream()
    {
        // The video stream starts 0.5 s after the audio: OpenCV measures from the video's start, and so must we.
        using var folder = new TempFolder();
        var path = folder.File("offset.mkv");
        var result = FfmpegCommand.Run(
            FfmpegTestClips.Tools.FfmpegPath,
            ["-v", "error", "-nostdin", "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=25:duration=1", "-f", "lavfi", "-i", "sine=duration=1.5",
             "-map", "0:v", "-map", "1:a", "-c:v", "libx264", "-preset", "ultrafast", "-vf", "setpts=PTS+0.5/TB", "file:" + path],
            TimeSpan.FromSeconds(30),
            CancellationToken.None);
        Assert.Equal(0, result.ExitCode);
        using var source = Open(path, FrameScale.ToWidth(64));

        var times = source.ReadFrames(CancellationToken.None).Select(f => f.Seconds).ToArray();

        Assert.Equal(0, times[0], 3);
        Assert.Equal(0.04, times[1], 3);
    }

    [SharedDataFact]
    public void ReadFrames_VariableFrameRate_EqualsFfprobeFramePts()
    {
        var path = SharedData.Clip("goldeneye-vfr-drop3.mp4");
        var expected = FfmpegTestClips.FramePresentationTimes(path);
        using var source = Open(path, FrameScale.ToWidth(64));

        var times = source.ReadFrames(CancellationToken.None).Select(f => f.Seconds).ToArray();

        Assert.Equal(expected.Length, times.Length);
        Assert.All(expected.Zip(times), p => Assert.Equal(p.First, p.Second, 5));
        Assert.Equal(0.125125 - 0.041708, times[2] - times[1], 5);
    }

    [SharedDataFact]
    public void Open_RotationMetadata_FramesComeOutAsDisplayed()
    {
        using var full = Open(SharedData.Clip("issue-134-rotate.mp4"), FrameScale.Full);
        var firstSize = full.ReadFrames(CancellationToken.None).Select(f => f.Image.Size()).First();
        using var small = Open(SharedData.Clip("issue-134-rotate.mp4"), FrameScale.ToWidth(64));

        Assert.Equal((544, 1280, 90), (full.Info.Width, full.Info.Height, full.Info.RotationDegrees));
        Assert.Equal(new Size(544, 1280), firstSize);
        Assert.Equal(new Size(64, 151), small.FrameSize);
    }

    [SharedDataFact]
    public void ReadFrames_WrongFrameCountInHeader_DecodesWhatIsThere()
    {
        // tree.avi's header claims 444 frames; 68 decode.
        using var source = Open(SharedData.Clip("tree.avi"), FrameScale.ToWidth(64));

        Assert.Equal(68, source.ReadFrames(CancellationToken.None).Count());
        Assert.Equal(444, source.Info.DeclaredFrameCount);
        Assert.Equal(68, source.Summary.FramesDecoded);
    }

    [SharedDataFact]
    public async Task Detect_TruncatedFile_StopsAtLastGoodFrameAndSaysSo()
    {
        using var folder = new TempFolder();
        var path = folder.File("truncated.avi");
        var original = await File.ReadAllBytesAsync(SharedData.Clip("Megamind.avi"));
        await File.WriteAllBytesAsync(path, original.AsSpan(0, original.Length / 2).ToArray());

        var result = await ScenePipeline.RunAsync(path, new PipelineOptions { Decoding = Options }, null, CancellationToken.None);

        Assert.Equal(DecoderName, result.Processing.Decoder);
        Assert.InRange(result.Video.FrameCount, 50, 200);
        Assert.False(result.Video.DecodeComplete);
        Assert.Contains(result.Processing.Warnings, w => w.Contains("truncated", StringComparison.Ordinal));
        Assert.Contains(result.Shots, s => s.StartFrame == 98);
    }

    [Fact]
    public void ReadFrames_CorruptAfterHeader_NoFramesWithFfmpegsText()
    {
        using var folder = new TempFolder();
        var good = folder.File("good.mkv");
        FfmpegTestClips.TestPattern(good, seconds: 1);
        var bytes = File.ReadAllBytes(good);
        // Keep the Matroska header, overwrite every frame with noise.
        new Random(3).NextBytes(bytes.AsSpan(600));
        var path = folder.File("noise.mkv");
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<VideoInputException>(() =>
        {
            using var source = Open(path, FrameScale.ToWidth(64));
            _ = source.ReadFrames(CancellationToken.None).Count();
        });

        Assert.Contains(path, ex.Message);
        Assert.True(ex.Error is VideoInputError.NotAVideo or VideoInputError.NoFrames, $"unexpected {ex.Error}");
    }

    [Fact]
    public async Task Pipeline_ScenesOn_EmbedsFromTheSourcesSamples()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 2, width: 320, height: 180);

        var result = await ScenePipeline.RunAsync(path, new PipelineOptions { Decoding = Options }, null, CancellationToken.None);

        Assert.Equal(DecoderName, result.Processing.Decoder);
        Assert.True(result.Processing.EmbeddingSeconds > 0, "the CNN saw no sample");
        Assert.Equal(result.Shots.Count, result.SceneBoundaryProbabilities!.Count);
    }
}
