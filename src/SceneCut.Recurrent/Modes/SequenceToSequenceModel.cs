using SceneCut.Recurrent.Layers;

namespace SceneCut.Recurrent.Modes;

/// <summary>
/// Encoder–decoder (Sutskever et al. 2014): the encoder reads the input sequence; its top layer's final state
/// (both directions when bidirectional) is the summary the decoder starts from. Input and output lengths are independent.
/// </summary>
public sealed class SequenceToSequenceModel : DecoderModel
{
    public SequenceToSequenceModel(SequenceModelOptions options)
        : base(options, options.HiddenSize * (options.Bidirectional ? 2 : 1))
    {
        Encoder = new RecurrentStack(StackOptions(options.InputSize, options.Bidirectional, 0), "encoder");
        Parameters = [.. Encoder.Parameters, .. Decoder.Parameters, .. Bridge.Linear.Parameters, .. Head.Parameters];
    }

    public RecurrentStack Encoder { get; }

    public override IReadOnlyList<Parameter> Parameters { get; }

    protected override (float[] Summary, object Cache) Encode(IReadOnlyList<float[][]> inputs, bool training)
    {
        SequenceBatch x = SequenceBatch.Pack(inputs, Options.InputSize);
        RecurrentOutput output = Encoder.Forward(x.Values, x.Batch, x.Steps, x.Lengths, training: training);
        int B = x.Batch, H = Options.HiddenSize, D = Encoder.Options.Directions, top = (Options.Layers - 1) * D;
        var summary = new float[B * D * H]; // (B, D·H)
        for (int b = 0; b < B; b++)
        {
            for (int d = 0; d < D; d++)
            {
                output.FinalState.H.AsSpan(((top + d) * B + b) * H, H).CopyTo(summary.AsSpan((b * D + d) * H, H));
            }
        }

        return (summary, output);
    }

    protected override void EncodeBackward(object cache, float[] dSummary)
    {
        var output = (RecurrentOutput)cache;
        int B = output.Cache.Batch, H = Options.HiddenSize, D = Encoder.Options.Directions, top = (Options.Layers - 1) * D;
        var dFinal = RecurrentState.Zeros(Options.Layers * D, B, H, Encoder.HasCellState);
        for (int b = 0; b < B; b++)
        {
            for (int d = 0; d < D; d++)
            {
                dSummary.AsSpan((b * D + d) * H, H).CopyTo(dFinal.H.AsSpan(((top + d) * B + b) * H, H));
            }
        }

        Encoder.Backward(output.Cache, null, dFinal, computeInputGradient: false);
    }
}
