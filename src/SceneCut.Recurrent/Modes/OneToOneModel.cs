namespace SceneCut.Recurrent.Modes;

/// <summary>One input vector → one output: the recurrent stack run for a single step, then the head.</summary>
public sealed class OneToOneModel(SequenceModelOptions options) : ManyToOneModel(options)
{
    private protected override SequenceBatch PackInputs(IReadOnlyList<float[][]> sequences)
    {
        if (sequences.Any(s => s.Length != 1))
        {
            throw new ArgumentException("One-to-one examples have exactly one input step.");
        }

        return base.PackInputs(sequences);
    }
}
