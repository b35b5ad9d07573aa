using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.Training;

public sealed class TruncatedBpttTests
{
    [Theory]
    [InlineData(CellType.Lstm)]
    [InlineData(CellType.Gru)]
    public void ChainedChunks_WithStateGradientPassedBack_EqualFullBptt(CellType cell)
    {
        const int batch = 2, steps = 6, split = 4, input = 3, hidden = 5;
        var options = new RecurrentOptions { Cell = cell, InputSize = input, HiddenSize = hidden, Layers = 2 };
        var full = new RecurrentStack(options);
        var chunked = new RecurrentStack(options);
        var random = new Random(1);
        float[] x = FiniteDifference.Random(random, batch * steps * input);
        float[] dY = FiniteDifference.Random(random, batch * steps * hidden);

        RecurrentOutput whole = full.Forward(x, batch, steps);
        full.Backward(whole.Cache, dY);

        float[] Part(float[] v, int width, int t0, int count)
        {
            var part = new float[batch * count * width];
            for (int b = 0; b < batch; b++)
            {
                v.AsSpan((b * steps + t0) * width, count * width).CopyTo(part.AsSpan(b * count * width));
            }

            return part;
        }

        RecurrentOutput first = chunked.Forward(Part(x, input, 0, split), batch, split);
        RecurrentOutput second = chunked.Forward(Part(x, input, split, steps - split), batch, steps - split, null, first.FinalState);
        RecurrentGradients g2 = chunked.Backward(second.Cache, Part(dY, hidden, split, steps - split));
        // Passing ∂L/∂(initial state of chunk 2) back as ∂L/∂(final state of chunk 1) restores full BPTT.
        chunked.Backward(first.Cache, Part(dY, hidden, 0, split), g2.InitialState);

        for (int p = 0; p < full.Parameters.Count; p++)
        {
            float[] expected = full.Parameters[p].Gradient, actual = chunked.Parameters[p].Gradient;
            for (int i = 0; i < expected.Length; i++)
            {
                // Same sums in a different grouping: equal up to float rounding.
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-4 * (1 + Math.Abs(expected[i])),
                    $"{full.Parameters[p].Name}[{i}]: {expected[i]} vs {actual[i]}");
            }
        }

        Assert.Equal(whole.FinalState.H, second.FinalState.H);
    }

    [Fact]
    public void ManyToMany_Truncation_KeepsLossAndOnlyCutsLongGradients()
    {
        var random = new Random(3);
        List<SequenceExample> batch = Tasks.Boundaries(random, 3, 3, 12);
        SequenceModelOptions options = new()
        {
            Cell = CellType.Gru, InputSize = 3, HiddenSize = 6, OutputSize = 1, Output = OutputKind.Binary, Seed = 4,
        };
        var full = new ManyToManyModel(options);
        var longChunks = new ManyToManyModel(options with { TruncationLength = 12 });
        var shortChunks = new ManyToManyModel(options with { TruncationLength = 4 });
        double lossFull = full.Loss(batch, training: true);
        double lossLong = longChunks.Loss(batch, training: true);
        double lossShort = shortChunks.Loss(batch, training: true);

        // The forward pass carries state across chunks, so the loss is the same whatever the chunk length.
        Assert.Equal(lossFull, lossLong, 6);
        Assert.Equal(lossFull, lossShort, 5);
        Assert.Equal(full.Parameters[0].Gradient, longChunks.Parameters[0].Gradient);
        // Short chunks drop the gradient paths longer than 4 steps, so the recurrent weights see a different gradient.
        Assert.NotEqual(full.Parameters[1].Gradient, shortChunks.Parameters[1].Gradient);
        // The head sees every step either way.
        float[] headFull = full.Head.W.Gradient, headShort = shortChunks.Head.W.Gradient;
        for (int i = 0; i < headFull.Length; i++)
        {
            Assert.Equal(headFull[i], headShort[i], 5);
        }
    }
}
