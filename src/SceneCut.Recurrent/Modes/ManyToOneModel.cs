using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;

namespace SceneCut.Recurrent.Modes;

/// <summary>A sequence → one output: recurrent stack, then the last state (or the mean output) through a linear head.</summary>
public class ManyToOneModel : SequenceModel
{
    public ManyToOneModel(SequenceModelOptions options) : base(options)
    {
        Stack = new RecurrentStack(StackOptions(options.InputSize, options.Bidirectional, 0), "rnn");
        Head = new LinearHead(Stack.Options.OutputSize, options.OutputSize, new Random(options.Seed + 101), "head");
        Parameters = [.. Stack.Parameters, .. Head.Parameters];
    }

    public RecurrentStack Stack { get; }

    public LinearHead Head { get; }

    public override IReadOnlyList<Parameter> Parameters { get; }

    public override double Loss(IReadOnlyList<SequenceExample> batch, bool training)
    {
        CheckBatch(batch);
        SequenceBatch inputs = PackInputs(batch.Select(e => e.Inputs).ToList());
        var targets = new float[batch.Count * Options.OutputSize];
        for (int b = 0; b < batch.Count; b++)
        {
            if (batch[b].Targets.Length != 1 || batch[b].Targets[0].Length != Options.OutputSize)
            {
                throw new ArgumentException($"Example {b} needs exactly one target of {Options.OutputSize} values.");
            }

            batch[b].Targets[0].CopyTo(targets, b * Options.OutputSize);
        }

        RecurrentOutput output = Stack.Forward(inputs.Values, inputs.Batch, inputs.Steps, inputs.Lengths, training: training);
        float[] summary = Summarize(output, inputs); // (B, D·H)
        float[] logits = Head.Forward(summary, inputs.Batch); // (B, O)
        var dLogits = new float[logits.Length];
        double loss = LossFunction.Compute(logits, targets, [], Options.OutputSize, dLogits);
        if (training)
        {
            float[] dSummary = Head.Backward(summary, dLogits, inputs.Batch);
            SummarizeBackward(output, inputs, dSummary);
        }

        return loss;
    }

    public override float[][] Predict(float[][] inputs)
    {
        SequenceBatch packed = PackInputs([inputs]);
        RecurrentOutput output = Stack.Infer(packed.Values, 1, packed.Steps, packed.Lengths);
        return Activate(Head.Forward(Summarize(output, packed), 1), 1);
    }

    private protected virtual SequenceBatch PackInputs(IReadOnlyList<float[][]> sequences) =>
        SequenceBatch.Pack(sequences, Options.InputSize);

    private float[] Summarize(RecurrentOutput output, SequenceBatch inputs)
    {
        int B = inputs.Batch, T = inputs.Steps, H = Options.HiddenSize, D = Stack.Options.Directions;
        int width = D * H, top = (Options.Layers - 1) * D;
        var summary = new float[B * width];
        for (int b = 0; b < B; b++)
        {
            if (Options.Pooling == Pooling.LastState)
            {
                // Each direction's final state: the forward one after the last real step, the backward one after t = 0.
                for (int d = 0; d < D; d++)
                {
                    output.FinalState.H.AsSpan(((top + d) * B + b) * H, H).CopyTo(summary.AsSpan(b * width + d * H, H));
                }
            }
            else
            {
                float scale = 1f / Math.Max(1, inputs.Lengths[b]);
                Span<float> row = summary.AsSpan(b * width, width);
                for (int t = 0; t < inputs.Lengths[b]; t++)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(row, output.Output.AsSpan((b * T + t) * width, width), row);
                }

                System.Numerics.Tensors.TensorPrimitives.Multiply(row, scale, row);
            }
        }

        return summary;
    }

    private void SummarizeBackward(RecurrentOutput output, SequenceBatch inputs, float[] dSummary)
    {
        int B = inputs.Batch, T = inputs.Steps, H = Options.HiddenSize, D = Stack.Options.Directions;
        int width = D * H, top = (Options.Layers - 1) * D;
        if (Options.Pooling == Pooling.LastState)
        {
            var dFinal = RecurrentState.Zeros(Options.Layers * D, B, H, Stack.HasCellState);
            for (int b = 0; b < B; b++)
            {
                for (int d = 0; d < D; d++)
                {
                    dSummary.AsSpan(b * width + d * H, H).CopyTo(dFinal.H.AsSpan(((top + d) * B + b) * H, H));
                }
            }

            Stack.Backward(output.Cache, null, dFinal, computeInputGradient: false);
            return;
        }

        var dOutput = new float[output.Output.Length];
        for (int b = 0; b < B; b++)
        {
            float scale = 1f / Math.Max(1, inputs.Lengths[b]);
            for (int t = 0; t < inputs.Lengths[b]; t++)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(dSummary.AsSpan(b * width, width), scale,
                    dOutput.AsSpan((b * T + t) * width, width));
            }
        }

        Stack.Backward(output.Cache, dOutput, computeInputGradient: false);
    }
}
