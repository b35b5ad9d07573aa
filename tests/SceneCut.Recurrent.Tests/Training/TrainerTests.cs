using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Tests.Support;
using SceneCut.Recurrent.Training;

namespace SceneCut.Recurrent.Tests.Training;

public sealed class TrainerTests
{
    private static SequenceModelOptions Options(int seed) => new()
    {
        Cell = CellType.Lstm, InputSize = 3, HiddenSize = 8, Layers = 2, Bidirectional = true, Dropout = 0.2f,
        OutputSize = 1, Output = OutputKind.Binary, PositiveWeight = 3f, Seed = seed,
    };

    [Fact]
    public void Fit_SameSeeds_GiveBitIdenticalWeights()
    {
        List<SequenceExample> data = Tasks.Boundaries(new Random(1), 40, 3, 10);
        var trainerOptions = new TrainerOptions { Epochs = 3, BatchSize = 8, LearningRate = 0.01f, Optimizer = OptimizerKind.AdamW, WeightDecay = 0.01f };
        var a = new ManyToManyModel(Options(5));
        var b = new ManyToManyModel(Options(5));
        new Trainer(trainerOptions).Fit(a, data);
        new Trainer(trainerOptions).Fit(b, data);
        for (int p = 0; p < a.Parameters.Count; p++)
        {
            Assert.Equal(a.Parameters[p].Value, b.Parameters[p].Value);
        }

        var c = new ManyToManyModel(Options(6));
        new Trainer(trainerOptions).Fit(c, data);
        Assert.NotEqual(a.Parameters[0].Value, c.Parameters[0].Value);
    }

    [Fact]
    public void Fit_ValidationStopsImproving_StopsEarlyAndRestoresBestWeights()
    {
        // A tiny training set and a large model overfit quickly; validation loss then rises.
        var random = new Random(2);
        List<SequenceExample> train = Tasks.Boundaries(random, 6, 3, 10), validation = Tasks.Boundaries(random, 30, 3, 10);
        var model = new ManyToManyModel(Options(1) with { Dropout = 0 });
        var trainer = new Trainer(new TrainerOptions { Epochs = 300, BatchSize = 6, LearningRate = 0.03f, Patience = 5 });
        TrainingReport report = trainer.Fit(model, train, validation);
        Assert.True(report.StoppedEarly);
        Assert.True(report.Epochs.Count < 300);
        Assert.Equal(report.BestEpoch + 5, report.Epochs.Count);
        double best = report.Epochs.Min(e => e.ValidationLoss);
        Assert.Equal(best, report.Epochs[report.BestEpoch - 1].ValidationLoss);
        Assert.Equal(best, trainer.Evaluate(model, validation), 6);
    }

    [Fact]
    public void SgdMomentum_AndStepDecay_ReduceTrainingLoss()
    {
        List<SequenceExample> data = Tasks.Boundaries(new Random(3), 60, 3, 10);
        var model = new ManyToManyModel(Options(2) with { Dropout = 0 });
        TrainingReport report = new Trainer(new TrainerOptions
        {
            Epochs = 30, BatchSize = 10, LearningRate = 0.5f, Optimizer = OptimizerKind.SgdMomentum,
            Schedule = new StepDecaySchedule(120, 0.5f), ClipValue = 0.5f,
        }).Fit(model, data);
        Assert.True(report.Last.TrainLoss < 0.6 * report.Epochs[0].TrainLoss,
            $"loss {report.Epochs[0].TrainLoss:F3} → {report.Last.TrainLoss:F3}");
    }

    [Fact]
    public void Ctor_InvalidOptions_ListsEveryField()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new Trainer(new TrainerOptions { Epochs = 0, BatchSize = 0, LearningRate = 0, Patience = -1 }));
        Assert.Contains("Epochs", error.Message);
        Assert.Contains("BatchSize", error.Message);
        Assert.Contains("LearningRate", error.Message);
        Assert.Contains("Patience", error.Message);
    }

    [Fact]
    public void Schedules_FollowTheirFormulas()
    {
        Assert.Equal(0.1f, new ConstantSchedule().Rate(0.1f, 50, 100));
        Assert.Equal(0.025f, new StepDecaySchedule(10, 0.5f).Rate(0.1f, 25, 100), 6);
        var cosine = new WarmupCosineSchedule(10, floor: 0f);
        Assert.Equal(0.01f, cosine.Rate(0.1f, 0, 110), 6);
        Assert.Equal(0.1f, cosine.Rate(0.1f, 10, 110), 6);
        Assert.Equal(0.05f, cosine.Rate(0.1f, 60, 110), 6);
        Assert.Equal(0f, cosine.Rate(0.1f, 110, 110), 6);
    }
}
