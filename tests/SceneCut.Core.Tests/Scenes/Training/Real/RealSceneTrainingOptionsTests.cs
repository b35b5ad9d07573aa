using SceneCut.Recurrent.Cells;
using SceneCut.Scenes;
using SceneCut.Scenes.Training.Real;

namespace SceneCut.Tests.Scenes.Training.Real;

public sealed class RealSceneTrainingOptionsTests
{
    [Fact]
    public void Ctor_Ok_PinsTheDefaultsOfTheShippedModel()
    {
        var options = new RealSceneTrainingOptions();

        options.Validate();
        Assert.Equal(SceneFeatures.Size, options.FeatureSize);
        Assert.Equal(CellType.Gru, options.Cell);
        Assert.Equal((8, 1, 10, 3, 300), (options.HiddenSize, options.Layers, options.Epochs, options.EnsembleSize, options.SplicedEpisodes));
        Assert.Equal([0.0, 1, 2, 3], options.MinSceneSeconds);
        Assert.Equal(3, options.InnerFolds);
    }

    [Fact]
    public void Validate_ListsEveryBadField()
    {
        var options = new RealSceneTrainingOptions { HiddenSize = 0, InnerFolds = 1, Thresholds = [0, 0.5], FeatureSize = 17 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("HiddenSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("InnerFolds", error.Message, StringComparison.Ordinal);
        Assert.Contains("Thresholds", error.Message, StringComparison.Ordinal);
        Assert.Contains("FeatureSize", error.Message, StringComparison.Ordinal);
    }
}
