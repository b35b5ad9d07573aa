using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Tests.Support;
using SceneCut.Recurrent.Training;

namespace SceneCut.Recurrent.Tests.Modes;

/// <summary>Each mode learns a small task to a stated level on held-out data.</summary>
public sealed class ModeLearningTests
{
    [Fact]
    public void OneToOne_LearnsXor_AllFourCases()
    {
        var model = new OneToOneModel(new SequenceModelOptions
        {
            Mode = SequenceMode.OneToOne, Cell = CellType.Gru, InputSize = 2, HiddenSize = 8, OutputSize = 1,
            Output = OutputKind.Binary,
        });
        SequenceExample[] data =
        [
            new([[0, 0]], [[0]]), new([[0, 1]], [[1]]), new([[1, 0]], [[1]]), new([[1, 1]], [[0]]),
        ];
        new Trainer(new TrainerOptions { Epochs = 400, BatchSize = 4, LearningRate = 0.05f }).Fit(model, data);
        foreach (SequenceExample e in data)
        {
            Assert.Equal(e.Targets[0][0], model.Predict(e.Inputs)[0][0] >= 0.5f ? 1f : 0f);
        }
    }

    [Fact]
    public void ManyToOne_LearnsMajorityVote_AtLeast95PercentHeldOut()
    {
        // Is the majority of a 5–11 step bit sequence ones? Needs a count over the whole sequence.
        var random = new Random(7);
        List<SequenceExample> Make(int count) => Enumerable.Range(0, count).Select(_ =>
        {
            int length = 5 + 2 * random.Next(4);
            float[][] bits = Enumerable.Range(0, length).Select(_ => new[] { (float)random.Next(2) }).ToArray();
            float ones = bits.Sum(b => b[0]);
            return new SequenceExample(bits, [[ones * 2 > length ? 1f : 0f]]);
        }).ToList();
        List<SequenceExample> train = Make(800), test = Make(200);
        var model = new ManyToOneModel(new SequenceModelOptions
        {
            Mode = SequenceMode.ManyToOne, Cell = CellType.Lstm, InputSize = 1, HiddenSize = 16, OutputSize = 1,
            Output = OutputKind.Binary,
        });
        new Trainer(new TrainerOptions { Epochs = 15, BatchSize = 16, LearningRate = 0.01f }).Fit(model, train);
        double accuracy = test.Average(e => (model.Predict(e.Inputs)[0][0] >= 0.5f ? 1f : 0f) == e.Targets[0][0] ? 1.0 : 0.0);
        Assert.True(accuracy >= 0.95, $"held-out accuracy {accuracy:P1}");
    }

    [Fact]
    public void ManyToMany_FlagsRunBoundaries_F1AtLeast95PercentHeldOut()
    {
        var random = new Random(8);
        List<SequenceExample> train = Tasks.Boundaries(random, 300, 4, 30), test = Tasks.Boundaries(random, 60, 4, 30);
        var model = new ManyToManyModel(new SequenceModelOptions
        {
            Cell = CellType.Lstm, InputSize = 4, HiddenSize = 16, Bidirectional = true, OutputSize = 1,
            Output = OutputKind.Binary, PositiveWeight = 4f,
        });
        new Trainer(new TrainerOptions { Epochs = 12, BatchSize = 16, LearningRate = 0.01f }).Fit(model, train);
        double tp = 0, fp = 0, fn = 0;
        foreach (SequenceExample e in test)
        {
            float[][] p = model.Predict(e.Inputs);
            for (int t = 0; t < p.Length; t++)
            {
                bool predicted = p[t][0] >= 0.5f, truth = e.Targets[t][0] == 1f;
                tp += predicted && truth ? 1 : 0;
                fp += predicted && !truth ? 1 : 0;
                fn += !predicted && truth ? 1 : 0;
            }
        }

        double f1 = 2 * tp / (2 * tp + fp + fn);
        Assert.True(f1 >= 0.95, $"held-out boundary F1 {f1:P1}");
    }

    [Fact]
    public void OneToMany_CountsDownToEndToken_AllDigitsExact()
    {
        // Digit d → d, d−1, …, 0, END: the length depends on the input and generation must stop by itself.
        const int digits = 6, end = digits;
        var data = Enumerable.Range(0, digits).Select(d => new SequenceExample(
            [Tasks.OneHot(d, digits)],
            Enumerable.Range(0, d + 1).Select(k => Tasks.OneHot(d - k, digits + 1)).ToArray())).ToList();
        var model = new OneToManyModel(new SequenceModelOptions
        {
            Mode = SequenceMode.OneToMany, Cell = CellType.Gru, InputSize = digits, HiddenSize = 24,
            OutputSize = digits + 1, Output = OutputKind.Classes, EndToken = end, MaxOutputLength = 12,
        });
        new Trainer(new TrainerOptions { Epochs = 300, BatchSize = 6, LearningRate = 0.02f }).Fit(model, data);
        for (int d = 0; d < digits; d++)
        {
            int[] generated = model.Predict([Tasks.OneHot(d, digits)]).Select(Tasks.ArgMax).ToArray();
            Assert.Equal(Enumerable.Range(0, d + 1).Select(k => d - k).ToArray(), generated);
        }
    }

    [Fact]
    public void SequenceToSequence_ReversesVariableLengthSequences_AtLeast95PercentExactHeldOut()
    {
        const int vocabulary = 6;
        var random = new Random(9);
        List<SequenceExample> train = Tasks.Reverse(random, 3000, vocabulary, 3, 6);
        List<SequenceExample> test = Tasks.Reverse(random, 200, vocabulary, 3, 6);
        var model = new SequenceToSequenceModel(new SequenceModelOptions
        {
            Mode = SequenceMode.SequenceToSequence, Cell = CellType.Lstm, InputSize = vocabulary, HiddenSize = 64,
            OutputSize = vocabulary + 1, Output = OutputKind.Classes, EndToken = vocabulary, MaxOutputLength = 10,
        });
        new Trainer(new TrainerOptions
        {
            Epochs = 12, BatchSize = 32, LearningRate = 0.01f, Schedule = new WarmupCosineSchedule(50),
        }).Fit(model, train);
        double exact = test.Average(e =>
        {
            int[] predicted = model.Predict(e.Inputs).Select(Tasks.ArgMax).ToArray();
            return predicted.SequenceEqual(e.Targets.Select(Tasks.ArgMax)) ? 1.0 : 0.0;
        });
        Assert.True(exact >= 0.95, $"held-out exact match {exact:P1}");
    }
}
