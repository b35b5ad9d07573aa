using System.Numerics.Tensors;
using OpenCvSharp;
using SceneCut.Embeddings;
using SceneCut.Tests.TestSupport;
using SceneCut.Video;

namespace SceneCut.Tests.Embeddings;

/// <summary>The shipped ResNet18 through our embedder: shape, determinism, batching, and its preprocessing facts.</summary>
public sealed class OnnxFrameEmbedderTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
{
    private readonly OnnxFrameEmbedder embedder = fixture.Embedder;

    [Fact]
    public void Create_Default_Is512dBatchedOnCpu()
    {
        Assert.Equal(512, embedder.Dimension);
        Assert.Equal(EmbeddingDefaults.BatchSize, embedder.BatchSize);
        Assert.Equal("Cpu", embedder.ExecutionProvider);
        Assert.Empty(embedder.Warnings);
        Assert.Matches("^ResNet18.onnx sha256:[0-9a-f]{16} prep:[0-9a-f]{8}$", embedder.ModelId);
    }

    [Fact]
    public void Embed_GeneratedPicture_MatchesPinnedEmbedding()
    {
        using var house = TestPictures.House();

        var vector = embedder.Embed([house])[0];

        // Pinned from this model and preprocessing; a change means the vectors (and every cache entry) changed.
        Assert.Equal(1.0, TensorPrimitives.Norm<float>(vector), 1e-5);
        float[] expectedStart = [0.0020591544f, 0.0016947547f, 0.014394328f, 0.0064457534f, 0.02649159f, 0f];
        for (var i = 0; i < expectedStart.Length; i++)
        {
            Assert.Equal(expectedStart[i], vector[i], 1e-4);
        }

        Assert.Equal(133, TensorPrimitives.IndexOfMax<float>(vector));
        Assert.Equal(0.43587404f, vector[133], 1e-4);
    }

    [Fact]
    public void Embed_SamePixels_SameVectorAcrossCallsBatchSizesAndFrameSizes()
    {
        using var house = TestPictures.House();
        using var checker = TestPictures.Checkerboard();
        using var small = TestPictures.House(96, 72);
        using var large = TestPictures.House(1280, 960);

        var batched = embedder.Embed([house, checker, house, small, large]);
        var again = embedder.Embed([house]);

        // Deterministic: batched and single runs agree to float rounding.
        Assert.True(TensorPrimitives.Distance<float>(batched[0], again[0]) < 1e-5);
        Assert.True(TensorPrimitives.Distance<float>(batched[0], batched[2]) < 1e-5);
        // Any input size: the same drawing at other resolutions stays close; another picture does not.
        Assert.True(TensorPrimitives.Dot<float>(batched[0], batched[3]) > 0.9);
        Assert.True(TensorPrimitives.Dot<float>(batched[0], batched[4]) > 0.9);
        Assert.True(TensorPrimitives.Dot<float>(batched[0], batched[1]) < 0.7);
    }

    [Fact]
    public void Create_SmallerInput_ResizesTheGraphAndStillTellsPicturesApart()
    {
        using var small = OnnxFrameEmbedder.Create(new EmbeddingOptions { InputWidth = 128, InputHeight = 128 }, warn: null);
        using var house = TestPictures.House();
        using var checker = TestPictures.Checkerboard();

        var vectors = small.Embed([house, checker, house]);
        var atFullSize = embedder.Embed([house])[0];

        // Resized in memory, still batched (the batching check ran on the resized graph), and another cache identity.
        Assert.Equal(512, small.Dimension);
        Assert.Equal(EmbeddingDefaults.BatchSize, small.BatchSize);
        Assert.Empty(small.Warnings);
        Assert.NotEqual(embedder.ModelId, small.ModelId);
        Assert.True(TensorPrimitives.Distance<float>(vectors[0], vectors[2]) < 1e-5);
        // The same picture at 128 and 224 stays close; another picture does not.
        Assert.True(TensorPrimitives.Dot<float>(vectors[0], atFullSize) > 0.8, $"house at 128 vs 224: {TensorPrimitives.Dot<float>(vectors[0], atFullSize)}");
        Assert.True(TensorPrimitives.Dot<float>(vectors[0], vectors[1]) < 0.7, $"house vs checkerboard at 128: {TensorPrimitives.Dot<float>(vectors[0], vectors[1])}");
    }

    [Fact]
    public void Preprocessing_EqualsPackageGraph_UpToItsMeanImage()
    {
        using var package = new PackagePipeline();
        using var house = TestPictures.House();
        using var ours = new FramePreprocessor(new EmbeddingOptions { Mean = [0, 0, 0] });
        var oursRawBgr = GC.AllocateArray<float>(ours.FloatsPerFrame, pinned: true);
        ours.Write(house, oursRawBgr, 0);

        // The graph on zeros is minus its mean image (1×3×224×224, already in the model's BGR order).
        var minusMeanImage = package.Preprocess(new float[oursRawBgr.Length]);
        var packageTensor = package.Preprocess(package.RawRgb(house));

        // Layout, channel order and scale: ours minus the mean image equals the package graph's output exactly.
        var worst = 0f;
        for (var i = 0; i < oursRawBgr.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(oursRawBgr[i] + minusMeanImage[i] - packageTensor[i]));
        }

        Assert.True(worst < 1e-3, $"largest difference {worst}");
        // Our per-channel mean is the mean image's channel average (B, G, R).
        var plane = 224 * 224;
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(EmbeddingDefaults.Mean[c], -minusMeanImage.AsSpan(c * plane, plane).ToArray().Average(), 0.01);
        }
    }

    [SharedDataFact]
    public void Embedding_OursMatchesPackagePipeline_WrongPreprocessingDoesNot()
    {
        using var package = new PackagePipeline();
        using var rgb = OnnxFrameEmbedder.Create(new EmbeddingOptions { BatchSize = 1, ChannelOrder = ChannelOrder.Rgb }, warn: null);
        using var unitScale = OnnxFrameEmbedder.Create(new EmbeddingOptions { BatchSize = 1, PixelScale = 1 / 255.0, Mean = [103.06 / 255, 115.90 / 255, 123.15 / 255] }, warn: null);
        var frames = RealFrames(("Megamind.avi", 50), ("wildlife.mp4", 30), ("issue-195-aspect-ratio.mp4", 100));
        try
        {
            var reference = frames.Select(package.Embed).ToArray();
            var ours = embedder.Embed(frames);
            var swapped = rgb.Embed(frames);
            var scaled = unitScale.Embed(frames);
            for (var i = 0; i < frames.Count; i++)
            {
                // Per-channel mean instead of the per-pixel mean image moves the vector very little...
                Assert.True(TensorPrimitives.Dot<float>(ours[i], reference[i]) > 0.995, $"frame {i}: ours {TensorPrimitives.Dot<float>(ours[i], reference[i])}");
                // ...while a wrong channel order or value range moves it a lot (measured 0.78–0.84 and 0.15–0.26).
                Assert.True(TensorPrimitives.Dot<float>(swapped[i], reference[i]) < 0.9, $"frame {i}: RGB {TensorPrimitives.Dot<float>(swapped[i], reference[i])}");
                Assert.True(TensorPrimitives.Dot<float>(scaled[i], reference[i]) < 0.5, $"frame {i}: 0–1 {TensorPrimitives.Dot<float>(scaled[i], reference[i])}");
            }
        }
        finally
        {
            frames.ForEach(f => f.Dispose());
        }
    }

    private static List<Mat> RealFrames(params (string Clip, int Index)[] wanted)
    {
        var frames = new List<Mat>();
        foreach (var (clip, index) in wanted)
        {
            using var source = OpenCvFrameSource.Open(SharedData.Clip(clip));
            frames.Add(source.ReadFrames(CancellationToken.None).First(f => f.Index == index).Image.Clone());
        }

        return frames;
    }
}
