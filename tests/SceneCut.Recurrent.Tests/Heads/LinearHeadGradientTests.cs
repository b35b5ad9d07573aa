using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.Heads;

public sealed class LinearHeadGradientTests
{
    [Fact]
    public void Backward_MatchesFiniteDifferences()
    {
        const int rows = 4, input = 5, output = 3;
        var random = new Random(9);
        var head = new LinearHead(input, output, random);
        float[] x = FiniteDifference.Random(random, rows * input);
        float[] w = FiniteDifference.Random(random, rows * output);
        double Loss() => FiniteDifference.Dot(w, head.Forward(x, rows));

        float[] dX = head.Backward(x, w, rows);
        FiniteDifference.Check("W", head.W.Value, head.W.Gradient, Loss);
        FiniteDifference.Check("b", head.B.Value, head.B.Gradient, Loss);
        FiniteDifference.Check("x", x, dX, Loss);
    }
}
