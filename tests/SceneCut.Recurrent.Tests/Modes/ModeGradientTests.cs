using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.Modes;

/// <summary>Finite differences through every mode, loss included: the whole model's gradient is right.</summary>
public sealed class ModeGradientTests
{
    public static TheoryData<SequenceMode, CellType, OutputKind, bool> Cases() => new()
    {
        { SequenceMode.OneToOne, CellType.Gru, OutputKind.Regression, false },
        { SequenceMode.ManyToOne, CellType.Lstm, OutputKind.Classes, true },
        { SequenceMode.ManyToMany, CellType.Lstm, OutputKind.Binary, true },
        { SequenceMode.ManyToMany, CellType.Rnn, OutputKind.Regression, false },
        { SequenceMode.OneToMany, CellType.Gru, OutputKind.Classes, false },
        { SequenceMode.SequenceToSequence, CellType.Lstm, OutputKind.Classes, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Loss_GradientMatchesFiniteDifferences(SequenceMode mode, CellType cell, OutputKind output, bool bidirectional)
    {
        const int input = 3, outputs = 3;
        ISequenceModel model = SequenceModel.Create(new SequenceModelOptions
        {
            Mode = mode, Cell = cell, InputSize = input, HiddenSize = 4, Layers = 2, Bidirectional = bidirectional,
            OutputSize = outputs, Output = output, PositiveWeight = 2.5f, Seed = 3,
            EndToken = output == OutputKind.Classes && mode is SequenceMode.OneToMany or SequenceMode.SequenceToSequence ? 0 : -1,
            Pooling = mode == SequenceMode.ManyToOne ? Pooling.Mean : Pooling.LastState,
        });
        var random = new Random(4);
        float[] Target() => output switch
        {
            OutputKind.Classes => Tasks.OneHot(random.Next(outputs), outputs),
            OutputKind.Binary => Enumerable.Range(0, outputs).Select(_ => (float)random.Next(2)).ToArray(),
            _ => FiniteDifference.Random(random, outputs),
        };
        SequenceExample Example(int inSteps, int outSteps) => new(
            Enumerable.Range(0, inSteps).Select(_ => FiniteDifference.Random(random, input)).ToArray(),
            Enumerable.Range(0, outSteps).Select(_ => Target()).ToArray());

        SequenceExample[] batch = mode switch
        {
            SequenceMode.OneToOne => [Example(1, 1), Example(1, 1)],
            SequenceMode.ManyToOne => [Example(4, 1), Example(2, 1)],
            SequenceMode.ManyToMany => [Example(4, 4), Example(2, 2)],
            SequenceMode.OneToMany => [Example(1, 3), Example(1, 2)],
            _ => [Example(4, 2), Example(2, 3)],
        };

        foreach (Parameter p in model.Parameters)
        {
            p.ZeroGradient();
        }

        model.Loss(batch, training: true);
        foreach (Parameter p in model.Parameters)
        {
            FiniteDifference.Check(p.Name, p.Value, p.Gradient, () => model.Loss(batch, training: false),
                absoluteTolerance: 5e-4, relativeTolerance: 2e-2,
                // A single step from a zero state never uses W_h: its gradient is exactly zero.
                requireNonZero: !(mode == SequenceMode.OneToOne && p.Name.Contains("W_h")));
        }
    }
}
