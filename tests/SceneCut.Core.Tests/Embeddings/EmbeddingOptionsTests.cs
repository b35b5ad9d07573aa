using System.ComponentModel.DataAnnotations;
using SceneCut.Embeddings;

namespace SceneCut.Tests.Embeddings;

public sealed class EmbeddingOptionsTests
{
    [Fact]
    public void Ctor_Ok_PinsEveryDefault()
    {
        var options = new EmbeddingOptions();

        Assert.Equal("models/ResNet18.onnx", options.ModelPath);
        Assert.Equal(224, options.InputWidth);
        Assert.Equal(224, options.InputHeight);
        Assert.Equal(TensorLayout.Nchw, options.Layout);
        Assert.Equal(ChannelOrder.Bgr, options.ChannelOrder);
        Assert.Equal(1.0, options.PixelScale);
        Assert.Null(options.Mean);
        Assert.Equal([103.0626, 115.9029, 123.1516], options.EffectiveMean);
        Assert.Null(options.Std);
        Assert.Equal([1.0, 1.0, 1.0], options.EffectiveStd);
        Assert.Equal(ResizeMode.Stretch, options.ResizeMode);
        Assert.Null(options.InputName);
        Assert.Null(options.OutputName);
        Assert.Equal(8, options.BatchSize);
        Assert.Equal(1, options.IntraOpThreads);
        Assert.Equal(GraphOptimization.All, options.GraphOptimization);
        Assert.Equal(ExecutionProvider.Cpu, options.ExecutionProvider);
        Assert.Equal(0, options.DeviceId);
        Assert.Null(options.CacheDirectory);
        Assert.EndsWith(Path.Combine("scenecut", "embeddings"), options.EffectiveCacheDirectory);
        options.Validate();
    }

    [Fact]
    public void Validate_BadValues_NamesTheFields()
    {
        var ranges = new EmbeddingOptions { BatchSize = 0, InputWidth = 2, ModelPath = "" };
        var lists = new EmbeddingOptions { Mean = [1, 2], Std = [1, 0, 1], Layout = (TensorLayout)7 };

        var rangeError = Assert.Throws<ValidationException>(ranges.Validate);
        var listError = Assert.Throws<ValidationException>(lists.Validate);

        Assert.Contains("BatchSize", rangeError.Message);
        Assert.Contains("InputWidth", rangeError.Message);
        Assert.Contains("ModelPath", rangeError.Message);
        Assert.Contains("Mean must have 3 values", listError.Message);
        Assert.Contains("Std must have 3 values above 0", listError.Message);
        Assert.Contains("Layout must be one of Nchw, Nhwc", listError.Message);
    }
}
