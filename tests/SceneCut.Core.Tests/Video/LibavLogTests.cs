using SceneCut.Tests.TestSupport;
using SceneCut.Video;
using SceneCut.Video.Libav;

namespace SceneCut.Tests.Video;

/// <summary>FFmpeg's own messages from the in-process decoder reach SceneCut, formatted as the program source words them.</summary>
public sealed class LibavLogTests
{
    [Fact]
    public void Listen_DamagedStream_CollectsTheDecodersComplaints()
    {
        using var folder = new TempFolder();
        var path = DamagedClip(folder);

        using var log = LibavLog.Listen();
        Decode(path);

        Assert.NotEmpty(log.Messages);
        // "[h264 @ 0x55…] error while decoding MB …" arrives as "h264: error while decoding MB …": context first, no address.
        Assert.All(log.Messages, m => Assert.DoesNotContain(" @ 0x", m, StringComparison.Ordinal));
        Assert.Contains(log.Messages, m => m.StartsWith("h264: ", StringComparison.Ordinal) || m.StartsWith("matroska", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_StopsCollecting_WhileAnotherListenerStillCollects()
    {
        using var folder = new TempFolder();
        var path = DamagedClip(folder);
        var disposed = LibavLog.Listen();
        disposed.Dispose();

        using var active = LibavLog.Listen();
        Decode(path);

        Assert.NotEmpty(active.Messages);
        Assert.Empty(disposed.Messages);
    }

    // A clip whose middle third is noise: the container still opens and the decoder meets broken H.264 slices.
    private static string DamagedClip(TempFolder folder)
    {
        var good = folder.File("good.mkv");
        FfmpegTestClips.TestPattern(good, seconds: 2);
        var bytes = File.ReadAllBytes(good);
        new Random(5).NextBytes(bytes.AsSpan(bytes.Length / 3, bytes.Length / 3));
        var path = folder.File("damaged.mkv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void Decode(string path)
    {
        using var source = LibavFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64));
        _ = source.ReadFrames(CancellationToken.None).Count();
    }
}
