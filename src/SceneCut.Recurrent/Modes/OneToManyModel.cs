namespace SceneCut.Recurrent.Modes;

/// <summary>One input vector → a generated sequence; the input sets the decoder's initial state.</summary>
public sealed class OneToManyModel : DecoderModel
{
    public OneToManyModel(SequenceModelOptions options) : base(options, options.InputSize)
    {
        Parameters = [.. Decoder.Parameters, .. Bridge.Linear.Parameters, .. Head.Parameters];
    }

    public override IReadOnlyList<Parameter> Parameters { get; }

    protected override (float[] Summary, object Cache) Encode(IReadOnlyList<float[][]> inputs, bool training)
    {
        if (inputs.Any(s => s.Length != 1))
        {
            throw new ArgumentException("One-to-many examples have exactly one input step.");
        }

        return (SequenceBatch.Pack(inputs, Options.InputSize).Values, inputs);
    }

    protected override void EncodeBackward(object cache, float[] dSummary)
    {
        // The input is data, not a parameter: nothing to update.
    }
}
