using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;

namespace SceneCut.Recurrent.Modes;

/// <summary>
/// A sequence → an output at every step (the scene model's mode): recurrent stack, then a linear head on each
/// step. With <see cref="SequenceModelOptions.TruncationLength"/> it trains by truncated BPTT: chunks of that many
/// steps, the state carried forward between chunks but no gradient carried back.
/// </summary>
public sealed class ManyToManyModel : SequenceModel
{
    public ManyToManyModel(SequenceModelOptions options) : base(options)
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
        for (int b = 0; b < batch.Count; b++)
        {
            if (batch[b].Targets.Length != batch[b].Inputs.Length)
            {
                throw new ArgumentException($"Example {b} has {batch[b].Inputs.Length} inputs but {batch[b].Targets.Length} targets.");
            }
        }

        SequenceBatch inputs = SequenceBatch.Pack(batch.Select(e => e.Inputs).ToList(), Options.InputSize);
        SequenceBatch targets = SequenceBatch.Pack(batch.Select(e => e.Targets).ToList(), Options.OutputSize);
        int chunk = Options.TruncationLength > 0 ? Options.TruncationLength : inputs.Steps;
        double totalRows = inputs.Lengths.Sum();
        double loss = 0;
        RecurrentState? state = null;
        for (int t0 = 0; t0 < inputs.Steps; t0 += chunk)
        {
            int steps = Math.Min(chunk, inputs.Steps - t0);
            SequenceBatch x = Slice(inputs, t0, steps), y = Slice(targets, t0, steps);
            double rows = x.Lengths.Sum();
            RecurrentOutput output = Stack.Forward(x.Values, x.Batch, steps, x.Lengths, state, training);
            // The next chunk starts from this state; no gradient flows back into this chunk from there.
            state = output.FinalState;
            if (rows == 0)
            {
                continue;
            }

            int n = x.Batch * steps;
            float[] logits = Head.Forward(output.Output, n); // (B·T, O)
            var dLogits = new float[logits.Length];
            // Each chunk's mean loss is weighted by its share of real steps so the sum is the sequence mean.
            double weight = rows / totalRows;
            loss += weight * LossFunction.Compute(logits, y.Values, y.RowMask, Options.OutputSize, dLogits);
            if (training)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(dLogits, (float)weight, dLogits);
                float[] dOutput = Head.Backward(output.Output, dLogits, n);
                Stack.Backward(output.Cache, dOutput, computeInputGradient: false);
            }
        }

        return loss;
    }

    public override float[][] Predict(float[][] inputs) => PredictBatch([inputs])[0];

    /// <summary>Runs a batch of sequences at once; returns per sequence one output vector per step.</summary>
    public float[][][] PredictBatch(IReadOnlyList<float[][]> sequences)
    {
        SequenceBatch x = SequenceBatch.Pack(sequences, Options.InputSize);
        RecurrentOutput output = Stack.Infer(x.Values, x.Batch, x.Steps, x.Lengths);
        float[][] rows = Activate(Head.Forward(output.Output, x.Batch * x.Steps), x.Batch * x.Steps);
        var result = new float[x.Batch][][];
        for (int b = 0; b < x.Batch; b++)
        {
            result[b] = rows.AsSpan(b * x.Steps, x.Lengths[b]).ToArray();
        }

        return result;
    }

    private static SequenceBatch Slice(SequenceBatch batch, int t0, int steps)
    {
        if (t0 == 0 && steps == batch.Steps)
        {
            return batch;
        }

        int B = batch.Batch, T = batch.Steps, W = batch.Width;
        var values = new float[B * steps * W];
        var mask = new float[B * steps];
        var lengths = new int[B];
        for (int b = 0; b < B; b++)
        {
            batch.Values.AsSpan((b * T + t0) * W, steps * W).CopyTo(values.AsSpan(b * steps * W));
            batch.RowMask.AsSpan(b * T + t0, steps).CopyTo(mask.AsSpan(b * steps));
            lengths[b] = Math.Clamp(batch.Lengths[b] - t0, 0, steps);
        }

        return new SequenceBatch(values, lengths, mask, B, steps, W);
    }
}
