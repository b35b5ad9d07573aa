using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Tests.Support;
using SceneCut.Recurrent.Training;
using Xunit.Abstractions;

namespace SceneCut.Recurrent.Tests.Training;

/// <summary>
/// The lecture's claim on long dependencies: with T = 100 the two numbers to add sit far from the answer. LSTM and
/// GRU learn it; a vanilla RNN of the same size stays near the 0.167 of always answering 1.0. Then the gradient
/// reaching the early steps is measured for each trained cell.
/// </summary>
public sealed class AddingProblemTests(ITestOutputHelper output)
{
    private const int Steps = 100;
    private const double Baseline = 0.167;

    private static (ManyToOneModel Model, double Mse) Train(CellType cell)
    {
        var random = new Random(21);
        List<SequenceExample> train = Tasks.Adding(random, 1600, Steps), test = Tasks.Adding(random, 200, Steps);
        var model = new ManyToOneModel(new SequenceModelOptions
        {
            Mode = SequenceMode.ManyToOne, Cell = cell, InputSize = 2, HiddenSize = 16, OutputSize = 1,
            Output = OutputKind.Regression, Seed = 2,
        });
        var trainer = new Trainer(new TrainerOptions { Epochs = 20, BatchSize = 20, LearningRate = 0.01f, ClipNorm = 1f });
        trainer.Fit(model, train);
        return (model, trainer.Evaluate(model, test));
    }

    /// <summary>‖∂y/∂x_t‖ averaged over the first and the last 10 steps.</summary>
    private static (double Early, double Late) InputGradientNorms(ManyToOneModel model)
    {
        var random = new Random(5);
        float[][] inputs = Tasks.Adding(random, 1, Steps)[0].Inputs;
        SequenceBatch x = SequenceBatch.Pack([inputs], 2);
        RecurrentOutput output = model.Stack.Forward(x.Values, 1, Steps);
        int H = model.Options.HiddenSize;
        var dFinal = RecurrentState.Zeros(1, 1, H, model.Stack.HasCellState);
        // ∂y/∂h_T = the head's weights: back-propagate the prediction itself.
        model.Head.W.Value.AsSpan(0, H).CopyTo(dFinal.H);
        float[] dX = model.Stack.Backward(output.Cache, null, dFinal).Input;
        double Norm(int t) => Math.Sqrt(dX[t * 2] * dX[t * 2] + dX[t * 2 + 1] * dX[t * 2 + 1]);
        return (Enumerable.Range(0, 10).Average(Norm), Enumerable.Range(Steps - 10, 10).Average(Norm));
    }

    [Fact]
    public void LstmAndGru_LearnAddingProblem_VanillaRnnDoesNot()
    {
        var results = new Dictionary<CellType, (double Mse, double Early, double Late)>();
        Parallel.ForEach(Enum.GetValues<CellType>(), new ParallelOptions { MaxDegreeOfParallelism = 2 }, cell =>
        {
            (ManyToOneModel model, double mse) = Train(cell);
            (double early, double late) = InputGradientNorms(model);
            lock (results)
            {
                results[cell] = (mse, early, late);
            }
        });
        foreach ((CellType cell, (double mse, double early, double late)) in results.OrderBy(r => r.Key))
        {
            output.WriteLine($"{cell}: test MSE {mse:F4} (baseline {Baseline}); ‖∂y/∂x‖ first 10 steps {early:E2}, last 10 {late:E2}");
        }

        Assert.True(results[CellType.Lstm].Mse < Baseline / 4, $"LSTM MSE {results[CellType.Lstm].Mse:F4}");
        Assert.True(results[CellType.Gru].Mse < Baseline / 4, $"GRU MSE {results[CellType.Gru].Mse:F4}");
        Assert.True(results[CellType.Rnn].Mse > Baseline * 0.6, $"RNN MSE {results[CellType.Rnn].Mse:F4}");
        // The trained gated cells carry gradient to the first steps; the vanilla RNN's has vanished there.
        Assert.True(results[CellType.Lstm].Early > 100 * results[CellType.Rnn].Early);
        Assert.True(results[CellType.Gru].Early > 100 * results[CellType.Rnn].Early);
    }
}
