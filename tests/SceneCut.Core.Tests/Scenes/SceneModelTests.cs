using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Serialization;
using SceneCut.Scenes;
using SceneCut.Shots;

namespace SceneCut.Tests.Scenes;

/// <summary>The scene model reads the features its networks were trained on: today's, or the first 16 of older files.</summary>
public sealed class SceneModelTests
{
    private static ShotSummary Shot(int place, double start) =>
        new(start, start + 3, place == 0 && start == 0 ? null : TransitionKind.Cut, false, place == 0 ? [1f, 0f] : [0f, 1f]);

    [Theory]
    [InlineData(16)]
    [InlineData(21)]
    public void Predict_ModelOfEitherFeatureSize_OneProbabilityPerShot(int featureSize)
    {
        Assert.True(featureSize == SceneFeatures.LegacySize || featureSize == SceneFeatures.Size);
        var tagger = new SequenceTagger(new SequenceTaggerOptions { FeatureSize = featureSize, HiddenSize = 4, Layers = 1, Seed = 3 });
        var model = new SceneModel(tagger, windowShots: 8, overlapShots: 2);
        var shots = Enumerable.Range(0, 20).Select(i => Shot(i / 5 % 2, i * 3.0)).ToList();

        var p = model.Predict(shots);

        Assert.Equal(20, p.Length);
        Assert.Equal(1.0, p[0]);
        Assert.All(p, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void Ctor_ModelOfAnotherFeatureSize_SaysWhatItExpectsAndWhatThisBuildComputes()
    {
        var tagger = new SequenceTagger(new SequenceTaggerOptions { FeatureSize = 12, HiddenSize = 4, Layers = 1 });

        var error = Assert.Throws<ModelFormatException>(() => new SceneModel(tagger, 8, 2));

        Assert.Contains("12 features", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{SceneFeatures.Size}", error.Message, StringComparison.Ordinal);
    }
}
