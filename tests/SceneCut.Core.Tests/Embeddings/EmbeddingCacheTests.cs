using SceneCut.Embeddings;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Embeddings;

public sealed class EmbeddingCacheTests
{
    private static readonly EmbeddingCacheKey Key = new("v1:100:abc", "ResNet18.onnx sha256:0123 prep:ab", "every:12");

    private static FrameEmbeddings Sample() => new([0, 12, 24], [0.0, 0.5, 1.0], [[1f, 0f], [0.6f, 0.8f], [0f, -1f]]);

    [Fact]
    public void Store_ThenLoad_RoundTripsExactly()
    {
        using var folder = new TempFolder();
        var cache = new EmbeddingCache(folder.Path);

        cache.Store(Key, Sample());
        var loaded = new EmbeddingCache(folder.Path).TryLoad(Key, out var embeddings);

        Assert.True(loaded);
        Assert.Equal([0, 12, 24], embeddings!.FrameIndices);
        Assert.Equal([0.0, 0.5, 1.0], embeddings.Seconds);
        Assert.Equal([0.6f, 0.8f], embeddings.Vectors[1]);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void GetOrCreate_SecondCall_DoesNotCompute()
    {
        using var folder = new TempFolder();
        var cache = new EmbeddingCache(folder.Path);
        var computed = 0;

        cache.GetOrCreate(Key, () => { computed++; return Sample(); });
        var second = cache.GetOrCreate(Key, () => { computed++; return Sample(); });

        Assert.Equal(1, computed);
        Assert.Equal(3, second.Count);
    }

    [Theory]
    [InlineData("flip", "damaged (checksum mismatch)")]
    [InlineData("truncate", "damaged (checksum mismatch)")]
    [InlineData("empty", "truncated (0 bytes)")]
    public void TryLoad_DamagedEntry_IsReportedDeletedAndRebuilt(string damage, string expected)
    {
        using var folder = new TempFolder();
        var warnings = new List<string>();
        var cache = new EmbeddingCache(folder.Path, warnings.Add);
        cache.Store(Key, Sample());
        var path = cache.PathFor(Key);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "flip" => bytes.Select((b, i) => i == bytes.Length / 2 ? (byte)(b ^ 0x10) : b).ToArray(),
            "truncate" => bytes[..^7],
            _ => [],
        });

        Assert.False(cache.TryLoad(Key, out _));
        Assert.False(File.Exists(path));
        Assert.Contains(expected, Assert.Single(warnings));
        var rebuilt = cache.GetOrCreate(Key, Sample);
        Assert.Equal(3, rebuilt.Count);
        Assert.True(cache.TryLoad(Key, out _));
    }

    [Fact]
    public void TryLoad_EntryOfAnotherKeyUnderThisName_IsStale()
    {
        using var folder = new TempFolder();
        var warnings = new List<string>();
        var cache = new EmbeddingCache(folder.Path, warnings.Add);
        var otherModel = Key with { ModelId = "ResNet18.onnx sha256:9999 prep:ab" };
        cache.Store(otherModel, Sample());
        // Same file name, other content: e.g. a file copied in by hand.
        File.Copy(cache.PathFor(otherModel), cache.PathFor(Key));

        Assert.False(cache.TryLoad(Key, out _));
        Assert.Contains("stale", Assert.Single(warnings));
        Assert.True(cache.TryLoad(otherModel, out _));
    }

    [Fact]
    public void PathFor_DiffersByEveryPartOfTheKey()
    {
        var cache = new EmbeddingCache("/cache");

        var paths = new[] { Key, Key with { ContentFingerprint = "v1:100:abd" }, Key with { ModelId = "x" }, Key with { Sampling = "every:6" } }
            .Select(cache.PathFor)
            .ToHashSet();

        Assert.Equal(4, paths.Count);
    }
}
