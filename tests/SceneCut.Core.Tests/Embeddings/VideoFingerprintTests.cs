using SceneCut.Embeddings;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Embeddings;

public sealed class VideoFingerprintTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData((5 << 20) + 123)]
    public void Compute_SameContentElsewhere_Same_ChangedByte_Different(int length)
    {
        using var folder = new TempFolder();
        var content = new byte[length];
        new Random(7).NextBytes(content);
        File.WriteAllBytes(folder.File("a.mp4"), content);
        File.WriteAllBytes(folder.File("copy.mp4"), content);
        // A byte in the middle MiB: one the sampled reads cover.
        content[length / 2] ^= 1;
        File.WriteAllBytes(folder.File("edited.mp4"), content);

        var original = VideoFingerprint.Compute(folder.File("a.mp4"));

        Assert.Equal(original, VideoFingerprint.Compute(folder.File("copy.mp4")));
        Assert.NotEqual(original, VideoFingerprint.Compute(folder.File("edited.mp4")));
        Assert.StartsWith($"v1:{length}:", original);
    }
}
