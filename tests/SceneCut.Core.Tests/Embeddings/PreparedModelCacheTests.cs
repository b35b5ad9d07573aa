using System.Numerics.Tensors;
using SceneCut.Embeddings;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Embeddings;

/// <summary>
/// The optimised model kept on disk: later embedders load it and give the same vectors; a damaged or refused file is
/// rebuilt from the model, never trusted.
/// </summary>
public sealed class PreparedModelCacheTests
{
    [Fact]
    public void Create_Twice_SecondLoadsThePreparedModelAndEmbedsTheSame()
    {
        using var folder = new TempFolder();
        var options = new EmbeddingOptions { CacheDirectory = folder.Path };
        using var house = TestPictures.House();
        using var checker = TestPictures.Checkerboard();

        float[][] cold;
        using (var first = OnnxFrameEmbedder.Create(options, warn: null))
        {
            cold = first.Embed([house, checker]);
        }

        var prepared = PreparedFiles(options);
        using var second = OnnxFrameEmbedder.Create(options, warn: null);
        var warm = second.Embed([house, checker]);

        Assert.Single(prepared);
        Assert.Equal(prepared, PreparedFiles(options));
        Assert.Equal(EmbeddingDefaults.BatchSize, second.BatchSize);
        Assert.Empty(second.Warnings);
        Assert.True(TensorPrimitives.Distance<float>(cold[0], warm[0]) < 1e-5);
        Assert.True(TensorPrimitives.Distance<float>(cold[1], warm[1]) < 1e-5);
    }

    [Fact]
    public void Create_PreparedFileDamaged_RebuildsItAndEmbedsTheSame()
    {
        using var folder = new TempFolder();
        var options = new EmbeddingOptions { CacheDirectory = folder.Path };
        using var house = TestPictures.House();
        float[] expected;
        using (var first = OnnxFrameEmbedder.Create(options, warn: null))
        {
            expected = first.Embed([house])[0];
        }

        var file = Assert.Single(PreparedFiles(options));
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        using var again = OnnxFrameEmbedder.Create(options, warn: null);

        Assert.True(TensorPrimitives.Distance<float>(expected, again.Embed([house])[0]) < 1e-5);
        Assert.NotEqual(bytes, File.ReadAllBytes(Assert.Single(PreparedFiles(options))));
    }

    [Fact]
    public void Create_PreparedFileOnnxRuntimeRefuses_RebuildsItFromTheModel()
    {
        using var folder = new TempFolder();
        var options = new EmbeddingOptions { CacheDirectory = folder.Path };
        using (OnnxFrameEmbedder.Create(options, warn: null))
        {
        }

        // Intact by its hash, yet not a model: as if written by a broken tool under the right name.
        var file = Assert.Single(PreparedFiles(options));
        File.WriteAllText(file, "not a model");
        File.WriteAllText(file + ".sha256", PreparedModelCache.FileHash(file));

        using var embedder = OnnxFrameEmbedder.Create(options, warn: null);
        using var house = TestPictures.House();

        Assert.Equal(512, embedder.Embed([house])[0].Length);
        Assert.True(new FileInfo(file).Length > 1_000_000);
    }

    [Fact]
    public void Key_OtherPictureSizeOrBatching_OtherFile()
    {
        var hash = new string('a', 64);

        var key = PreparedModelCache.Key(hash, new EmbeddingOptions());

        Assert.Equal(key, PreparedModelCache.Key(hash, new EmbeddingOptions()));
        Assert.NotEqual(key, PreparedModelCache.Key(hash, new EmbeddingOptions { InputWidth = 256, InputHeight = 256 }));
        Assert.NotEqual(key, PreparedModelCache.Key(hash, new EmbeddingOptions { BatchSize = 1 }));
        Assert.NotEqual(key, PreparedModelCache.Key(new string('b', 64), new EmbeddingOptions()));
    }

    private static string[] PreparedFiles(EmbeddingOptions options) =>
        Directory.GetFiles(PreparedModelCache.DirectoryFor(options), "*.onnx");
}
