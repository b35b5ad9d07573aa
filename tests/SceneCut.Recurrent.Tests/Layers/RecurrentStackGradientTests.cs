using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Layers;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.Layers;

/// <summary>
/// Finite-difference checks of every cell type through the layer code: single layer (the cell itself), stacked,
/// bidirectional, with padded rows, an initial state and gradients arriving at the final state.
/// </summary>
public sealed class RecurrentStackGradientTests
{
    public static TheoryData<CellType, int, bool, bool> Cases()
    {
        var data = new TheoryData<CellType, int, bool, bool>();
        foreach (CellType cell in Enum.GetValues<CellType>())
        {
            data.Add(cell, 1, false, false);
            data.Add(cell, 2, true, true);
            data.Add(cell, 2, false, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Backward_MatchesFiniteDifferences(CellType cell, int layers, bool bidirectional, bool masked)
    {
        const int batch = 3, steps = 4, inputSize = 3, hidden = 4;
        var stack = new RecurrentStack(new RecurrentOptions
        {
            Cell = cell, InputSize = inputSize, HiddenSize = hidden, Layers = layers, Bidirectional = bidirectional,
            Seed = 5,
        });
        var random = new Random(11);
        float[] x = FiniteDifference.Random(random, batch * steps * inputSize);
        int[] lengths = masked ? [4, 2, 3] : [4, 4, 4];
        int slots = layers * stack.Options.Directions;
        var h0 = new RecurrentState(FiniteDifference.Random(random, slots * batch * hidden, 0.5f),
            stack.HasCellState ? FiniteDifference.Random(random, slots * batch * hidden, 0.5f) : []);
        float[] wY = FiniteDifference.Random(random, batch * steps * stack.Options.OutputSize);
        var wState = new RecurrentState(FiniteDifference.Random(random, h0.H.Length),
            FiniteDifference.Random(random, h0.C.Length));

        double Loss()
        {
            RecurrentOutput o = stack.Forward(x, batch, steps, lengths, h0);
            return FiniteDifference.Dot(wY, o.Output) + FiniteDifference.Dot(wState.H, o.FinalState.H) +
                   FiniteDifference.Dot(wState.C, o.FinalState.C);
        }

        RecurrentOutput output = stack.Forward(x, batch, steps, lengths, h0);
        RecurrentGradients grads = stack.Backward(output.Cache, wY, wState);

        foreach (Parameter p in stack.Parameters)
        {
            FiniteDifference.Check(p.Name, p.Value, p.Gradient, Loss);
        }

        FiniteDifference.Check("dX", x, grads.Input, Loss);
        FiniteDifference.Check("dh0", h0.H, grads.InitialState.H, Loss);
        if (stack.HasCellState)
        {
            FiniteDifference.Check("dc0", h0.C, grads.InitialState.C, Loss);
        }
    }

    [Theory]
    [InlineData(CellType.Rnn)]
    [InlineData(CellType.Lstm)]
    [InlineData(CellType.Gru)]
    public void Forward_PaddedSteps_OutputZeroAndKeepState(CellType cell)
    {
        const int batch = 2, steps = 5, inputSize = 2, hidden = 3;
        var stack = new RecurrentStack(new RecurrentOptions
        {
            Cell = cell, InputSize = inputSize, HiddenSize = hidden, Bidirectional = true,
        });
        float[] x = FiniteDifference.Random(new Random(3), batch * steps * inputSize);
        RecurrentOutput padded = stack.Forward(x, batch, steps, [5, 2]);

        // The second row alone, cut to its 2 real steps, must give the same outputs and final state.
        float[] row = x.AsSpan(steps * inputSize, 2 * inputSize).ToArray();
        RecurrentOutput alone = stack.Forward(row, 1, 2);
        int width = stack.Options.OutputSize;
        for (int t = 0; t < steps; t++)
        {
            for (int j = 0; j < width; j++)
            {
                float value = padded.Output[(steps + t) * width + j];
                float expected = t < 2 ? alone.Output[t * width + j] : 0f;
                Assert.Equal(expected, value, 5);
            }
        }

        for (int d = 0; d < 2; d++)
        {
            for (int j = 0; j < hidden; j++)
            {
                Assert.Equal(alone.FinalState.H[d * hidden + j], padded.FinalState.H[(d * batch + 1) * hidden + j], 5);
            }
        }
    }

    [Fact]
    public void Backward_WithoutInputGradient_GivesTheSameParameterGradients()
    {
        var options = new RecurrentOptions { Cell = CellType.Gru, InputSize = 3, HiddenSize = 4, Layers = 2, Bidirectional = true };
        var withInput = new RecurrentStack(options);
        var without = new RecurrentStack(options);
        var random = new Random(8);
        float[] x = FiniteDifference.Random(random, 2 * 5 * 3), dY = FiniteDifference.Random(random, 2 * 5 * 8);
        RecurrentGradients a = withInput.Backward(withInput.Forward(x, 2, 5, [5, 3]).Cache, dY);
        RecurrentGradients b = without.Backward(without.Forward(x, 2, 5, [5, 3]).Cache, dY, computeInputGradient: false);
        Assert.Equal(30, a.Input.Length);
        Assert.Empty(b.Input);
        for (int p = 0; p < withInput.Parameters.Count; p++)
        {
            Assert.Equal(withInput.Parameters[p].Gradient, without.Parameters[p].Gradient);
        }

        Assert.Equal(a.InitialState.H, b.InitialState.H);
    }

    [Theory]
    [InlineData(CellType.Rnn)]
    [InlineData(CellType.Lstm)]
    [InlineData(CellType.Gru)]
    public void Infer_GivesForwardsOutputs_ButRefusesBackward(CellType cell)
    {
        var stack = new RecurrentStack(new RecurrentOptions
        {
            Cell = cell, InputSize = 3, HiddenSize = 16, Layers = 2, Bidirectional = true,
        });
        float[] x = FiniteDifference.Random(new Random(6), 3 * 6 * 3);
        RecurrentOutput forward = stack.Forward(x, 3, 6, [6, 1, 4]);
        RecurrentOutput infer = stack.Infer(x, 3, 6, [6, 1, 4]);
        Assert.Equal(forward.Output, infer.Output);
        Assert.Equal(forward.FinalState.H, infer.FinalState.H);
        Assert.Equal(forward.FinalState.C, infer.FinalState.C);
        var error = Assert.Throws<InvalidOperationException>(() => stack.Backward(infer.Cache, forward.Output));
        Assert.Contains("Infer", error.Message);
    }

    [Fact]
    public void Ctor_LstmForgetBias_IsOne()
    {
        var stack = new RecurrentStack(new RecurrentOptions { Cell = CellType.Lstm, InputSize = 2, HiddenSize = 3 });
        GateWeights forget = stack.GetGate(0, 0, "f");
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(1f, forget.InputBias[j] + forget.HiddenBias[j]);
        }
    }

    [Fact]
    public void Ctor_InvalidOptions_ListsEveryField()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new RecurrentStack(new RecurrentOptions { InputSize = 0, HiddenSize = -1, Layers = 0, Dropout = 1 }));
        Assert.Contains("InputSize", error.Message);
        Assert.Contains("HiddenSize", error.Message);
        Assert.Contains("Layers", error.Message);
        Assert.Contains("Dropout", error.Message);
    }
}
