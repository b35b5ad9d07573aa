using System.ComponentModel.DataAnnotations;
using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>Decoder choice: documented defaults, validation, and what <c>auto</c> resolves to.</summary>
public sealed class DecodingOptionsTests
{
    [Fact]
    public void Ctor_Ok()
    {
        var options = new DecodingOptions();

        Assert.Equal(DecoderKind.Auto, options.Decoder);
        Assert.Null(options.FfmpegPath);
        Assert.Null(options.HardwareAcceleration);
        Assert.Equal(0, options.Threads);
        Assert.True(options.FfmpegLibraries);
        Assert.Equal(30.0, options.ProbeTimeoutSeconds);
        options.Validate();
    }

    [Fact]
    public void Validate_BadFields_AllNamed()
    {
        var options = new DecodingOptions { HardwareAcceleration = "-i /etc/passwd", Threads = -1, Decoder = (DecoderKind)7 };

        var ex = Assert.Throws<ValidationException>(options.Validate);

        Assert.Contains("HardwareAcceleration", ex.Message);
        Assert.Contains("Threads", ex.Message);
        Assert.Contains("Decoder", ex.Message);
    }

    [Fact]
    public void Resolve_Auto_TakesFfmpegWhenItRuns()
    {
        Assert.Equal(DecoderKind.Ffmpeg, FrameSourceFactory.Resolve(new DecodingOptions()));
        Assert.Equal(DecoderKind.Opencv, FrameSourceFactory.Resolve(new DecodingOptions { Decoder = DecoderKind.Opencv }));
    }

    [Fact]
    public void Resolve_AutoWithoutFfmpeg_FallsBackToOpenCv()
    {
        using var folder = new TempFolder();

        var resolved = FrameSourceFactory.Resolve(new DecodingOptions { FfmpegPath = folder.Path });

        Assert.Equal(DecoderKind.Opencv, resolved);
    }

    [Fact]
    public void Resolve_FfmpegAskedForButBroken_ErrorSaysHowToInstall()
    {
        using var folder = new TempFolder();
        // An "ffmpeg" that exists but is not a working program must not be chosen.
        var fake = folder.File(OperatingSystem.IsWindows() ? "ffmpeg.exe" : "ffmpeg");
        File.WriteAllText(fake, "not a program");
        File.WriteAllText(folder.File(OperatingSystem.IsWindows() ? "ffprobe.exe" : "ffprobe"), "not a program");

        var ex = Assert.Throws<NativeLibraryMissingException>(() => FrameSourceFactory.Resolve(new DecodingOptions { Decoder = DecoderKind.Ffmpeg, FfmpegPath = fake }));

        Assert.Contains("does not run", ex.Message);
        Assert.Contains("--decoder opencv", ex.Message);
        Assert.Contains("ffmpeg", ex.FixCommand);
    }

    [Theory]
    [InlineData("5.1.9-0+deb12u1", true)]
    [InlineData("7:4.4.2-0ubuntu0.22.04.1", false)]
    [InlineData("6.1.1", true)]
    [InlineData("5.0.3", false)]
    [InlineData("N-112233-gabcdef", true)]
    public void SupportsFpsMode_ByVersion(string version, bool expected) =>
        Assert.Equal(expected, FfmpegLocator.SupportsFpsMode(version));
}
