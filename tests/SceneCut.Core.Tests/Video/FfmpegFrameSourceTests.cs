using OpenCvSharp;
using SceneCut.Pipeline;
using SceneCut.Tests.TestSupport;
using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>The <c>ffmpeg</c> program source: the shared contract (<see cref="FfmpegSourceContractTests"/>), its arguments, and no leftover processes.</summary>
public sealed class FfmpegFrameSourceTests : FfmpegSourceContractTests
{
    /// <inheritdoc />
    protected override DecodingOptions Options => FfmpegTestClips.FfmpegProgramOnly;

    /// <inheritdoc />
    protected override string DecoderName => "ffmpeg";

    /// <inheritdoc />
    protected override IFrameSource Open(string path, FrameScale scale) => OpenProgram(path, scale);

    private static FfmpegFrameSource OpenProgram(string path, FrameScale scale) =>
        FfmpegFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), scale);

    [Fact]
    public void Arguments_FileNameIsOneElementBehindTheFileProtocol()
    {
        using var folder = new TempFolder();
        var path = folder.File("-i evil.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 0.2);
        using var source = OpenProgram(path, FrameScale.ToWidth(64));

        var input = source.Arguments[source.Arguments.ToList().IndexOf("-i") + 1];

        Assert.Equal("file:" + Path.GetFullPath(path), input);
        Assert.DoesNotContain(source.Arguments, a => a == "-hwaccel");
        Assert.Equal("pipe:1", source.Arguments[^1]);
    }

    [Fact]
    public void Arguments_HardwareAccelerationConfigured_PassedThrough()
    {
        var arguments = FfmpegFrameSource.BuildArguments(
            FfmpegTestClips.Tools, new DecodingOptions { HardwareAcceleration = "auto", Threads = 2 }, "/v/clip.mp4", new Size(64, 36), new Size(1280, 720), samples: null);

        var hw = arguments.ToList().IndexOf("-hwaccel");
        Assert.True(hw >= 0 && hw < arguments.ToList().IndexOf("-i"), "-hwaccel must come before -i (it is an input option)");
        Assert.Equal("auto", arguments[hw + 1]);
        Assert.Equal("2", arguments[arguments.ToList().IndexOf("-threads") + 1]);
    }

    [Fact]
    public void ReadFrames_Cancelled_StopsAndReapsTheChild()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 4);
        using var cancellation = new CancellationTokenSource();
        using var source = OpenProgram(path, FrameScale.Full);

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

        Assert.NotNull(source.ProcessId);
        Assert.False(FfmpegTestClips.ProcessExists(source.ProcessId.Value), "ffmpeg is still running or a zombie");
    }

    [Fact]
    public void ReadFrames_ConsumerStopsEarly_ChildEnds()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        FfmpegTestClips.TestPattern(path, seconds: 4);
        using var source = OpenProgram(path, FrameScale.Full);

        Assert.Equal(3, source.ReadFrames(CancellationToken.None).Take(3).Count());

        Assert.False(FfmpegTestClips.ProcessExists(source.ProcessId!.Value), "ffmpeg is still running or a zombie");
    }
}
