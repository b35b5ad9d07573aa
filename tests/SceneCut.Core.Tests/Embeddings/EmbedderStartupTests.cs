using SceneCut.Embeddings;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Embeddings;

/// <summary>A wrong model or configuration fails when the embedder is created, saying what was expected and found.</summary>
public sealed class EmbedderStartupTests
{
    [Fact]
    public void Create_MissingModel_SaysWhereItLooked()
    {
        var ex = Assert.Throws<EmbeddingModelException>(() => FrameEmbedder.Create(new EmbeddingOptions { ModelPath = "models/nope.onnx" }));

        Assert.Contains("expected an ONNX file, found nothing at", ex.Message);
        Assert.Contains("nope.onnx", ex.Message);
    }

    [Fact]
    public void Create_NotOnnx_SaysOnnxRuntimeRejectsIt()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("garbage.onnx"), "this is not a model");

        var ex = Assert.Throws<EmbeddingModelException>(() => FrameEmbedder.Create(new EmbeddingOptions { ModelPath = folder.File("garbage.onnx") }));

        Assert.Contains("expected an ONNX model ONNX Runtime can load", ex.Message);
    }

    [Fact]
    public void Create_PreprocessGraphAsModel_WrongOutputName_ListsOutputs()
    {
        // The package's preprocess graph is a small valid ONNX image graph: cheap to load for shape checks.
        var options = new EmbeddingOptions { ModelPath = Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"), OutputName = "features", BatchSize = 1 };

        var ex = Assert.Throws<EmbeddingModelException>(() => FrameEmbedder.Create(options));

        Assert.Contains("expected an output named 'features'", ex.Message);
        Assert.Contains("found outputs ['PreprocessedInput': Single[1×3×224×224]]", ex.Message);
    }

    [Fact]
    public void Create_WrongLayout_SaysExpectedAndFoundShape()
    {
        var options = new EmbeddingOptions { ModelPath = Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"), Layout = TensorLayout.Nhwc, BatchSize = 1 };

        var ex = Assert.Throws<EmbeddingModelException>(() => FrameEmbedder.Create(options));

        Assert.Contains("expected input 'OriginalInput' of shape N×224×224×3 (layout Nhwc", ex.Message);
        Assert.Contains("found Single[1×3×224×224]", ex.Message);
    }

    [Fact]
    public void Create_OtherSizeOnAGraphWithoutGlobalPool_SaysItCannotBeResized()
    {
        var options = new EmbeddingOptions { ModelPath = Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"), InputWidth = 256, BatchSize = 1 };

        var ex = Assert.Throws<EmbeddingModelException>(() => FrameEmbedder.Create(options));

        Assert.Contains("expected a model that can run at 256×224 (SceneCut:Embeddings:InputWidth × InputHeight), found one exported at 224×224 that cannot be resized", ex.Message);
        Assert.Contains("comes from Sub", ex.Message);
    }

    [Fact]
    public void Create_ResNet18AtASizeItsLayersDoNotFit_SaysSoAndWhatFits()
    {
        var options = new EmbeddingOptions { InputWidth = 112, InputHeight = 112, BatchSize = 1 };

        var ex = Assert.Throws<EmbeddingModelException>(() => FrameEmbedder.Create(options));

        Assert.Contains("expected its layers to fit 112×112", ex.Message);
        Assert.Contains("Incompatible dimensions", ex.Message);
        Assert.Contains("exported at 224×224; a CNN that halves the picture five times (a ResNet) needs multiples of 32", ex.Message);
    }

    [Fact]
    public void Create_BadOptions_ListsEveryBadField()
    {
        var options = new EmbeddingOptions { BatchSize = 0, Mean = [1, 2], Std = [1, 0, 1] };

        var ex = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(() => FrameEmbedder.Create(options));

        Assert.Contains("BatchSize", ex.Message);
    }

    [Fact]
    public void Create_CudaWithoutGpuPackage_FallsBackToCpuWithWarning()
    {
        var warnings = new List<string>();
        // The preprocess graph is a valid image graph whose 150 528 outputs stand in for features: quick to load.
        var options = new EmbeddingOptions
        {
            ModelPath = Path.Combine(ResNet18Fixture.ModelsFolder, "ResNetPreprocess.onnx"),
            ExecutionProvider = ExecutionProvider.Cuda,
            BatchSize = 1,
        };

        using var embedder = OnnxFrameEmbedder.Create(options, warnings.Add);
        using var picture = TestPictures.House();
        var vector = embedder.Embed([picture])[0];

        Assert.Equal("Cpu", embedder.ExecutionProvider);
        var warning = Assert.Single(warnings);
        Assert.Contains("Execution provider Cuda is not available", warning);
        Assert.Contains("embedding on the CPU instead", warning);
        Assert.Equal(3 * 224 * 224, vector.Length);
    }
}
