using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using SceneCut.Embeddings;

namespace SceneCut.Tests.Embeddings;

public sealed class OnnxShapeRewriterTests
{
    private static string ResNet18Path => Path.Combine(ResNet18Fixture.ModelsFolder, "ResNet18.onnx");

    [Fact]
    public void MakeBatchSymbolic_PreprocessGraph_OnnxRuntimeSeesSymbolicBatch()
    {
        var original = File.ReadAllBytes(Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"));

        var rewritten = OnnxShapeRewriter.MakeBatchSymbolic(original, "OriginalInput", "PreprocessedInput");

        Assert.NotNull(rewritten);
        using var session = new InferenceSession(rewritten);
        Assert.Equal([-1, 3, 224, 224], session.InputMetadata["OriginalInput"].Dimensions);
        Assert.Equal(OnnxShapeRewriter.BatchDimensionName, session.InputMetadata["OriginalInput"].SymbolicDimensions[0]);
        Assert.Equal([-1, 3, 224, 224], session.OutputMetadata["PreprocessedInput"].Dimensions);
        // A batch of 3 now runs, and each item is processed as alone.
        var input = new float[3 * 3 * 224 * 224];
        input.AsSpan(2 * 3 * 224 * 224).Fill(255f);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [3, 3, 224, 224]);
        using var outputs = session.Run(new RunOptions(), ["OriginalInput"], [value], ["PreprocessedInput"]);
        var output = outputs[0].GetTensorDataAsSpan<float>();
        Assert.Equal(input.Length, output.Length);
        Assert.Equal(output[0], output[3 * 224 * 224]);
        Assert.Equal(output[0] + 255f, output[2 * 3 * 224 * 224], 1e-3);
    }

    [Fact]
    public void MakeBatchSymbolic_AlreadySymbolic_ReturnsNull()
    {
        var original = File.ReadAllBytes(Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"));
        var once = OnnxShapeRewriter.MakeBatchSymbolic(original, "OriginalInput", "PreprocessedInput")!;

        Assert.Null(OnnxShapeRewriter.MakeBatchSymbolic(once, "OriginalInput", "PreprocessedInput"));
    }

    [Fact]
    public void MakeBatchSymbolic_NotProtobuf_Throws()
    {
        Assert.Throws<InvalidDataException>(() => OnnxShapeRewriter.MakeBatchSymbolic("\u0007not a model"u8.ToArray(), "x", "y"));
    }

    [Fact]
    public void SetImageSize_ResNet18AtItsExportedSize_SameFeaturesAsTheOriginal()
    {
        var original = File.ReadAllBytes(ResNet18Path);

        var resized = OnnxShapeRewriter.SetImageSize(original, "Input247", "Pooling395_Output_0", TensorLayout.Nchw, 224, 224, out var reason);

        // The 7×7 AveragePool became a GlobalAveragePool: on the 7×7 map of a 224 picture that is the same mean.
        Assert.Null(reason);
        Assert.NotNull(resized);
        var input = Noise(224, seed: 1);
        var expected = Features(original, input, 224);
        var actual = Features(resized, input, 224);
        Assert.Equal(512, actual.Length);
        Assert.True(TensorPrimitives.Distance<float>(expected, actual) < 1e-3 * TensorPrimitives.Norm<float>(expected));
    }

    [Fact]
    public void SetImageSize_ResNet18At128_RunsAtThatSize()
    {
        var resized = OnnxShapeRewriter.SetImageSize(File.ReadAllBytes(ResNet18Path), "Input247", "Pooling395_Output_0", TensorLayout.Nchw, 128, 128, out _)!;

        using var session = new InferenceSession(resized);
        Assert.Equal([1, 3, 128, 128], session.InputMetadata["Input247"].Dimensions);
        Assert.Equal([1, 512, 1, 1], session.OutputMetadata["Pooling395_Output_0"].Dimensions);
        // Different pictures give different features: the whole network ran, not a constant.
        Assert.True(TensorPrimitives.Distance<float>(Features(resized, Noise(128, seed: 1), 128), Features(resized, Noise(128, seed: 2), 128)) > 0);
    }

    [Fact]
    public void SetImageSize_ResNet18At112_OnnxRuntimeRejectsTheLayers()
    {
        // 112 halves to 7 before the last stage, whose two branches then disagree (4 against 3): ONNX Runtime says so at load.
        var resized = OnnxShapeRewriter.SetImageSize(File.ReadAllBytes(ResNet18Path), "Input247", "Pooling395_Output_0", TensorLayout.Nchw, 112, 112, out _)!;

        var ex = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(resized).Dispose());
        Assert.Contains("Incompatible dimensions", ex.Message);
    }

    [Fact]
    public void SetImageSize_GraphNotEndingInAnAveragePool_ReturnsNullWithReason()
    {
        var original = File.ReadAllBytes(Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"));

        var resized = OnnxShapeRewriter.SetImageSize(original, "OriginalInput", "PreprocessedInput", TensorLayout.Nchw, 128, 128, out var reason);

        Assert.Null(resized);
        Assert.Equal("its output 'PreprocessedInput' comes from Sub, not from a global average pool that would absorb another picture size", reason);
    }

    private static float[] Noise(int size, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 3 * size * size).Select(_ => (float)(random.NextDouble() * 255 - 128)).ToArray();
    }

    private static float[] Features(byte[] model, float[] input, int size)
    {
        using var session = new InferenceSession(model);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, size, size]);
        using var outputs = session.Run(new RunOptions(), ["Input247"], [value], ["Pooling395_Output_0"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
