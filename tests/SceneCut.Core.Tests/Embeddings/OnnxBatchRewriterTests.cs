using Microsoft.ML.OnnxRuntime;
using SceneCut.Embeddings;

namespace SceneCut.Tests.Embeddings;

public sealed class OnnxBatchRewriterTests
{
    [Fact]
    public void MakeBatchSymbolic_PreprocessGraph_OnnxRuntimeSeesSymbolicBatch()
    {
        var original = File.ReadAllBytes(Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"));

        var rewritten = OnnxBatchRewriter.MakeBatchSymbolic(original, "OriginalInput", "PreprocessedInput");

        Assert.NotNull(rewritten);
        using var session = new InferenceSession(rewritten);
        Assert.Equal([-1, 3, 224, 224], session.InputMetadata["OriginalInput"].Dimensions);
        Assert.Equal(OnnxBatchRewriter.BatchDimensionName, session.InputMetadata["OriginalInput"].SymbolicDimensions[0]);
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
        var once = OnnxBatchRewriter.MakeBatchSymbolic(original, "OriginalInput", "PreprocessedInput")!;

        Assert.Null(OnnxBatchRewriter.MakeBatchSymbolic(once, "OriginalInput", "PreprocessedInput"));
    }

    [Fact]
    public void MakeBatchSymbolic_NotProtobuf_Throws()
    {
        Assert.Throws<InvalidDataException>(() => OnnxBatchRewriter.MakeBatchSymbolic("\u0007not a model"u8.ToArray(), "x", "y"));
    }
}
