using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Tests.Support;
using SceneCut.Recurrent.Training;

namespace SceneCut.Recurrent.Tests.Modes;

public sealed class SequenceTaggerTests
{
    [Fact]
    public void Ctor_Ok_PinsDefaults()
    {
        var options = new SequenceTaggerOptions { FeatureSize = 8 };
        Assert.Equal(Cells.CellType.Lstm, options.Cell);
        Assert.Equal(64, options.HiddenSize);
        Assert.Equal(2, options.Layers);
        Assert.True(options.Bidirectional);
        Assert.Equal(0.1f, options.Dropout);
        Assert.Equal(1f, options.PositiveWeight);
        Assert.Equal(1, options.Seed);
        var tagger = new SequenceTagger(options);
        Assert.Equal(SequenceMode.ManyToMany, tagger.Model.Options.Mode);
    }

    [Fact]
    public void TrainPredictSaveLoad_RoundTrip()
    {
        var random = new Random(5);
        List<SequenceExample> data = Tasks.Boundaries(random, 120, 4, 20);
        float[][][] sequences = data.Select(e => e.Inputs).ToArray();
        float[][] labels = data.Select(e => e.Targets.Select(t => t[0]).ToArray()).ToArray();
        var tagger = new SequenceTagger(new SequenceTaggerOptions { FeatureSize = 4, HiddenSize = 12, PositiveWeight = 4f });
        TrainingReport report = tagger.Train(sequences[..100], labels[..100], new TrainerOptions { Epochs = 8, LearningRate = 0.01f },
            sequences[100..], labels[100..]);
        Assert.True(report.Last.ValidationLoss < report.Epochs[0].ValidationLoss);

        float[][] batch = tagger.Predict(sequences[100..]);
        Assert.Equal(tagger.Predict(sequences[100]), batch[0]);
        using var stream = new MemoryStream();
        tagger.Save(stream);
        stream.Position = 0;
        SequenceTagger loaded = SequenceTagger.Load(stream);
        Assert.Equal(batch[3], loaded.Predict(sequences[103]));
    }

    [Fact]
    public void Train_LabelCountMismatch_SaysWhichSequence()
    {
        var tagger = new SequenceTagger(new SequenceTaggerOptions { FeatureSize = 2, HiddenSize = 4 });
        var error = Assert.Throws<ArgumentException>(() => tagger.Train([[[1f, 2f], [3f, 4f]]], [[1f]]));
        Assert.Contains("Sequence 0 has 2 steps but 1 labels", error.Message);
    }

    [Fact]
    public void Crc32Reference_MatchesStandardCheckValue()
    {
        Assert.Equal(Crc32Reference.CheckValue, new Crc32Reference().Compute("123456789"u8));
    }
}
