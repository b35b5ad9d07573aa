using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;
using SceneCut.Embeddings;

namespace SceneCut.Tests.Embeddings;

/// <summary>
/// What ML.NET's DnnImageFeaturizer does with the package's two graphs: planar RGB pixels 0–255 into
/// <c>ResNetPreprocess.onnx</c>, its output into the unmodified <c>ResNet18.onnx</c> (batch 1). The reference our
/// preprocessing is checked against.
/// </summary>
internal sealed class PackagePipeline : IDisposable
{
    private readonly InferenceSession preprocess = new(Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"));
    private readonly InferenceSession model = new(Path.Combine(ResNet18Fixture.ModelsFolder, "ResNet18.onnx"));
    // Our OpenCV resize and layout, but with the package's input convention: RGB, raw 0–255, nothing subtracted.
    private readonly FramePreprocessor rawRgb = new(new EmbeddingOptions { ChannelOrder = ChannelOrder.Rgb, Mean = [0, 0, 0] });
    private readonly float[] input = GC.AllocateArray<float>(3 * 224 * 224, pinned: true);

    /// <summary>The package graph's output for <paramref name="rgbTensor"/> (1×3×224×224).</summary>
    public float[] Preprocess(float[] rgbTensor)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(rgbTensor, [1, 3, 224, 224]);
        using var outputs = preprocess.Run(new RunOptions(), ["OriginalInput"], [value], ["PreprocessedInput"]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    /// <summary>The raw RGB 0–255 tensor the package pipeline starts from.</summary>
    public float[] RawRgb(Mat bgr)
    {
        rawRgb.Write(bgr, input, 0);
        return (float[])input.Clone();
    }

    /// <summary>The L2-normalised embedding the package's pipeline gives.</summary>
    public float[] Embed(Mat bgr)
    {
        var preprocessed = Preprocess(RawRgb(bgr));
        using var value = OrtValue.CreateTensorValueFromMemory(preprocessed, [1, 3, 224, 224]);
        using var outputs = model.Run(new RunOptions(), ["Input247"], [value], ["Pooling395_Output_0"]);
        var vector = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm<float>(vector), vector);
        return vector;
    }

    public void Dispose()
    {
        preprocess.Dispose();
        model.Dispose();
        rawRgb.Dispose();
    }
}
