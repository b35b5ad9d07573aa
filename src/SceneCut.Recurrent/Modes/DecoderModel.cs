using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;

namespace SceneCut.Recurrent.Modes;

/// <summary>
/// The generating half shared by one-to-many and seq2seq. A summary of the input sets the decoder's initial state
/// through a <see cref="StateBridge"/>; each step's input is the previous output plus a start flag:
/// in training the true previous target (teacher forcing), in <see cref="Predict"/> the model's own previous
/// output (greedy). With an end token the targets get it appended and generation stops when it is produced.
/// </summary>
public abstract class DecoderModel : SequenceModel
{
    protected DecoderModel(SequenceModelOptions options, int summarySize) : base(options)
    {
        // Step input: the previous output vector, plus one channel that is 1 only at the start step.
        DecoderInputSize = options.OutputSize + 1;
        Decoder = new RecurrentStack(StackOptions(DecoderInputSize, bidirectional: false, seedOffset: 1000), "decoder");
        Bridge = new StateBridge(summarySize, options.Layers, options.HiddenSize, Decoder.HasCellState,
            new Random(options.Seed + 202));
        Head = new LinearHead(options.HiddenSize, options.OutputSize, new Random(options.Seed + 101), "head");
    }

    public RecurrentStack Decoder { get; }

    public StateBridge Bridge { get; }

    public LinearHead Head { get; }

    protected int DecoderInputSize { get; }

    private int StartChannel => Options.OutputSize;

    public override double Loss(IReadOnlyList<SequenceExample> batch, bool training)
    {
        CheckBatch(batch);
        int B = batch.Count, O = Options.OutputSize;
        (float[] summary, object encoded) = Encode(batch.Select(e => e.Inputs).ToList(), training);

        List<float[][]> targets = batch.Select(e => WithEndToken(e.Targets)).ToList();
        SequenceBatch y = SequenceBatch.Pack(targets, O);
        int T = y.Steps;
        // Teacher forcing: step t reads the true y_{t-1}; step 0 reads the start flag.
        var decoderInput = new float[B * T * DecoderInputSize]; // (B, T, O+1)
        for (int b = 0; b < B; b++)
        {
            decoderInput[(b * T) * DecoderInputSize + StartChannel] = 1f;
            for (int t = 1; t < y.Lengths[b]; t++)
            {
                y.Values.AsSpan((b * T + t - 1) * O, O).CopyTo(decoderInput.AsSpan((b * T + t) * DecoderInputSize));
            }
        }

        (RecurrentState initial, float[] bridgeActivation) = Bridge.Forward(summary, B);
        RecurrentOutput output = Decoder.Forward(decoderInput, B, T, y.Lengths, initial, training);
        float[] logits = Head.Forward(output.Output, B * T); // (B·T, O)
        var dLogits = new float[logits.Length];
        double loss = LossFunction.Compute(logits, y.Values, y.RowMask, O, dLogits);
        if (training)
        {
            float[] dOutput = Head.Backward(output.Output, dLogits, B * T);
            RecurrentGradients grads = Decoder.Backward(output.Cache, dOutput, computeInputGradient: false);
            float[] dSummary = Bridge.Backward(summary, bridgeActivation, grads.InitialState, B);
            EncodeBackward(encoded, dSummary);
        }

        return loss;
    }

    public override float[][] Predict(float[][] inputs)
    {
        (float[] summary, _) = Encode([inputs], training: false);
        RecurrentState state = Bridge.Forward(summary, 1).State;
        var stepInput = new float[DecoderInputSize];
        stepInput[StartChannel] = 1f;
        var generated = new List<float[]>();
        for (int t = 0; t < Options.MaxOutputLength; t++)
        {
            RecurrentOutput output = Decoder.Infer(stepInput, 1, 1, null, state);
            state = output.FinalState;
            float[] y = Activate(Head.Forward(output.Output, 1), 1)[0];
            Array.Clear(stepInput);
            if (Options.Output == OutputKind.Classes)
            {
                int token = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(y);
                if (token == Options.EndToken)
                {
                    break;
                }

                // Greedy: feed back the most likely class as a one-hot vector, as in training.
                stepInput[token] = 1f;
            }
            else if (Options.Output == OutputKind.Binary)
            {
                for (int k = 0; k < y.Length; k++)
                {
                    stepInput[k] = y[k] >= 0.5f ? 1f : 0f;
                }
            }
            else
            {
                y.CopyTo(stepInput, 0);
            }

            generated.Add(y);
        }

        return [.. generated];
    }

    /// <summary>The summary of the input the bridge reads. // (B, S)</summary>
    protected abstract (float[] Summary, object Cache) Encode(IReadOnlyList<float[][]> inputs, bool training);

    /// <summary>Back-propagates ∂L/∂summary into the encoder, if any.</summary>
    protected abstract void EncodeBackward(object cache, float[] dSummary);

    private float[][] WithEndToken(float[][] targets)
    {
        if (Options.EndToken < 0)
        {
            return targets;
        }

        var end = new float[Options.OutputSize];
        end[Options.EndToken] = 1f;
        return [.. targets, end];
    }
}
