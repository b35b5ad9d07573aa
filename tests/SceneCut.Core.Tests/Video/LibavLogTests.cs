using SceneCut.Tests.TestSupport;
using SceneCut.Video;
using SceneCut.Video.Damage;
using SceneCut.Video.Libav;

namespace SceneCut.Tests.Video;

/// <summary>FFmpeg's own messages from the in-process decoder reach SceneCut, formatted as the program source words them.</summary>
public sealed class LibavLogTests
{
    [Fact]
    public void DamagedStream_TheDecodersComplaintsReachItsOwnSource_InTheProgramsWords()
    {
        using var folder = new TempFolder();
        var path = DamagedClip(folder);

        var messages = Decode(path).Ranges.SelectMany(r => r.Messages).ToList();

        Assert.NotEmpty(messages);
        // "[h264 @ 0x55…] error while decoding MB …" arrives as "h264: error while decoding MB …": context first, no address.
        Assert.All(messages, m => Assert.DoesNotContain(" @ 0x", m, StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("h264: ", StringComparison.Ordinal) || m.StartsWith("matroska", StringComparison.Ordinal));
    }

    [Fact]
    public void AnotherListener_NeverCountsThisFilesErrors_AndADisposedOneHearsNothing()
    {
        using var folder = new TempFolder();
        var path = DamagedClip(folder);
        var disposed = LibavLog.Listen();
        disposed.Dispose();

        // Another file's listener open while this one decodes (two files at once in one worker).
        using var other = LibavLog.Listen();
        var damage = Decode(path);

        Assert.NotEmpty(damage.Ranges);
        Assert.False(other.TryTakeError(out var stray), $"another file's listener took this file's error: {stray}");
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

    private static DecodeDamage Decode(string path)
    {
        using var source = LibavFrameSource.Open(path, FfmpegTestClips.Tools, new DecodingOptions(), FrameScale.ToWidth(64));
        _ = source.ReadFrames(CancellationToken.None).Count();
        return source.Summary.Damage;
    }
}
