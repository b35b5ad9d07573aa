using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Serialization;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.Modes;

public sealed class SequenceTaggerEnsembleTests
{
    private static SequenceTagger Tagger(int seed, int hidden = 5) =>
        new(new SequenceTaggerOptions { FeatureSize = 3, HiddenSize = hidden, Layers = 2, Seed = seed });

    private static float[][] Sequence(int seed, int steps) =>
        [.. Enumerable.Range(0, steps).Select(_ => FiniteDifference.Random(new Random(seed++), 3, 2f))];

    [Fact]
    public void Predict_ThreeMembers_IsTheMeanOfTheirProbabilities()
    {
        SequenceTagger[] members = [Tagger(1), Tagger(2), Tagger(3, hidden: 4)];
        var ensemble = new SequenceTaggerEnsemble(members);
        float[][] x = Sequence(7, 9);

        float[] mean = ensemble.Predict(x);

        float[][] each = [.. members.Select(m => m.Predict(x))];
        for (int t = 0; t < x.Length; t++)
        {
            Assert.Equal((each[0][t] + each[1][t] + each[2][t]) / 3f, mean[t], 6);
        }
    }

    [Fact]
    public void SaveLoad_Ensemble_RoundTripsPredictions()
    {
        var ensemble = new SequenceTaggerEnsemble([Tagger(1), Tagger(2)]);
        using var stream = new MemoryStream();

        ensemble.Save(stream);
        stream.Position = 0;
        SequenceTaggerEnsemble loaded = SequenceTaggerEnsemble.Load(stream);

        Assert.Equal(2, loaded.Members.Count);
        float[][] x = Sequence(3, 6);
        Assert.Equal(ensemble.Predict(x), loaded.Predict(x));
    }

    [Fact]
    public void Load_SingleTaggerFile_IsAnEnsembleOfOne()
    {
        SequenceTagger tagger = Tagger(4);
        using var stream = new MemoryStream();
        tagger.Save(stream);
        stream.Position = 0;

        SequenceTaggerEnsemble loaded = SequenceTaggerEnsemble.Load(stream);

        Assert.Single(loaded.Members);
        float[][] x = Sequence(5, 4);
        Assert.Equal(tagger.Predict(x), loaded.Predict(x));
    }

    [Fact]
    public void Ctor_MembersReadingDifferentFeatures_IsRefused()
    {
        var other = new SequenceTagger(new SequenceTaggerOptions { FeatureSize = 4, HiddenSize = 5 });
        var error = Assert.Throws<ArgumentException>(() => new SequenceTaggerEnsemble([Tagger(1), other]));
        Assert.Contains("same features", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SequenceTaggerEnsemble([]));
    }

    [Fact]
    public void Load_EnsembleHoldingAnotherMode_SaysWhatItHolds()
    {
        using var stream = new MemoryStream();
        ModelFile.SaveAll([Tagger(1).Model, SequenceModel.Create(new SequenceModelOptions { Mode = SequenceMode.ManyToOne, InputSize = 3, HiddenSize = 4, OutputSize = 2 })], stream);
        stream.Position = 0;

        var error = Assert.Throws<ModelFormatException>(() => SequenceTaggerEnsemble.Load(stream));

        Assert.Contains("ManyToOne", error.Message);
    }
}
