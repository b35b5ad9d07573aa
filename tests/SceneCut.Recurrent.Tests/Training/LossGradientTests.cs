using SceneCut.Recurrent.Tests.Support;
using SceneCut.Recurrent.Training;

namespace SceneCut.Recurrent.Tests.Training;

public sealed class LossGradientTests
{
    public static TheoryData<string> Losses() => ["bce", "ce", "mse"];

    private static ILoss Create(string name) => name switch
    {
        "bce" => new BinaryCrossEntropyLoss(positiveWeight: 3f),
        "ce" => new SoftmaxCrossEntropyLoss(),
        _ => new MeanSquaredErrorLoss(),
    };

    [Theory]
    [MemberData(nameof(Losses))]
    public void Gradient_MatchesFiniteDifferences_AndIgnoresMaskedRows(string name)
    {
        const int rows = 5, width = 3;
        ILoss loss = Create(name);
        var random = new Random(2);
        float[] logits = FiniteDifference.Random(random, rows * width, 3f);
        var targets = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            targets[r * width + random.Next(width)] = 1f;
        }

        float[] mask = [1, 0, 1, 1, 0];
        var grad = new float[rows * width];
        var scratch = new float[rows * width];
        loss.Compute(logits, targets, mask, width, grad);
        FiniteDifference.Check(name, logits, grad, () => loss.Compute(logits, targets, mask, width, scratch),
            absoluteTolerance: 1e-4, relativeTolerance: 1e-2);
        for (int k = 0; k < width; k++)
        {
            Assert.Equal(0f, grad[1 * width + k]);
            Assert.Equal(0f, grad[4 * width + k]);
        }
    }

    [Fact]
    public void BinaryCrossEntropy_PositiveWeight_ScalesPositiveTermOnly()
    {
        float[] logits = [0.3f, -0.2f];
        float[] targets = [1f, 0f];
        var grad = new float[2];
        double plain = new BinaryCrossEntropyLoss(1f).Compute(logits, targets, [], 1, grad);
        double weighted = new BinaryCrossEntropyLoss(4f).Compute(logits, targets, [], 1, grad);
        double positive = Math.Log(1 + Math.Exp(-0.3));
        double negative = Math.Log(1 + Math.Exp(-0.2));
        Assert.Equal((positive + negative) / 2, plain, 6);
        Assert.Equal((4 * positive + negative) / 2, weighted, 6);
    }

    [Fact]
    public void BinaryCrossEntropy_ExtremeLogits_StayFinite()
    {
        float[] logits = [1000f, -1000f];
        float[] targets = [0f, 1f];
        var grad = new float[2];
        double value = new BinaryCrossEntropyLoss().Compute(logits, targets, [], 1, grad);
        Assert.Equal(1000, value, 3);
        Assert.All(grad, g => Assert.True(float.IsFinite(g)));
    }
}
