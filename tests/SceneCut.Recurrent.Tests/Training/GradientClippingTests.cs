using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Tests.Support;
using SceneCut.Recurrent.Training;

namespace SceneCut.Recurrent.Tests.Training;

public sealed class GradientClippingTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void ClipByGlobalNorm_ScalesToMaxNorm_KeepsDirection()
    {
        var p = new Parameter("p", 2);
        p.Gradient[0] = 3;
        p.Gradient[1] = 4;
        double before = GradientClipping.ClipByGlobalNorm([p], 1.0);
        Assert.Equal(5.0, before, 6);
        Assert.Equal(0.6f, p.Gradient[0], 6);
        Assert.Equal(0.8f, p.Gradient[1], 6);
    }

    [Fact]
    public void ClipByValue_ClampsEachElement()
    {
        var p = new Parameter("p", 3);
        p.Gradient[0] = -7;
        p.Gradient[1] = 0.2f;
        p.Gradient[2] = 9;
        GradientClipping.ClipByValue([p], 1f);
        Assert.Equal([-1f, 0.2f, 1f], p.Gradient);
    }

    /// <summary>
    /// An exploding setup: a vanilla RNN whose recurrent weights are scaled up so the recurrence amplifies, on
    /// 60-step sequences, trained by plain SGD. Unclipped, the first updates are huge and the loss blows up (or
    /// turns NaN); clipped to global norm 1, the same run lowers the loss.
    /// </summary>
    [Fact]
    public void ExplodingGradients_AreTamedByGlobalNormClipping()
    {
        // ×4 on PyTorch's initial W_h puts its spectral radius well above 1.
        const float scale = 4f;
        List<SequenceExample> data = Tasks.Adding(new Random(4), 64, 60);
        (double FirstNorm, double InitialLoss, double FinalLoss) Run(float clipNorm)
        {
            var model = new ManyToOneModel(new SequenceModelOptions
            {
                Mode = SequenceMode.ManyToOne, Cell = CellType.Rnn, InputSize = 2, HiddenSize = 16, OutputSize = 1,
                Output = OutputKind.Regression, Seed = 3,
            });
            Parameter wh = model.Parameters.Single(p => p.Name == "rnn.l0.fwd.W_h");
            System.Numerics.Tensors.TensorPrimitives.Multiply(wh.Value, scale, wh.Value);
            var trainer = new Trainer(new TrainerOptions
            {
                Epochs = 5, BatchSize = 16, LearningRate = 0.1f, Optimizer = OptimizerKind.SgdMomentum, Momentum = 0f,
                ClipNorm = clipNorm,
            });
            double initial = trainer.Evaluate(model, data);
            TrainingReport report = trainer.Fit(model, data);
            return (report.Epochs[0].MeanGradientNorm, initial, trainer.Evaluate(model, data));
        }

        (double normUnclipped, double initial, double lossUnclipped) = Run(0f);
        (double normClipped, _, double lossClipped) = Run(1f);
        output.WriteLine($"initial loss {initial:F3}; unclipped: first-epoch norm {normUnclipped:E2}, final loss {lossUnclipped:E3}; " +
                         $"clipped: first-epoch norm {normClipped:E2}, final loss {lossClipped:E3}");
        // The norm measured before clipping is large: the setup does explode.
        Assert.True(normClipped > 10, $"first-epoch gradient norm {normClipped:E2}");
        Assert.True(double.IsNaN(lossUnclipped) || lossUnclipped > 2 * initial,
            $"unclipped loss {lossUnclipped:E3} vs initial {initial:E3}");
        Assert.True(lossClipped < initial, $"clipped loss {lossClipped:F3} vs initial {initial:F3}");
    }
}
