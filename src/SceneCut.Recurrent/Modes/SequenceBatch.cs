namespace SceneCut.Recurrent.Modes;

/// <summary>A list of variable-length sequences packed into one zero-padded batch.</summary>
/// <param name="Values">// (B, T, width)</param>
/// <param name="Lengths">// (B)</param>
/// <param name="RowMask">1 on real steps, 0 on padding. // (B·T)</param>
internal sealed record SequenceBatch(float[] Values, int[] Lengths, float[] RowMask, int Batch, int Steps, int Width)
{
    public static SequenceBatch Pack(IReadOnlyList<float[][]> sequences, int width, int minSteps = 1)
    {
        int batch = sequences.Count;
        int steps = Math.Max(minSteps, sequences.Count == 0 ? 0 : sequences.Max(s => s.Length));
        var values = new float[batch * steps * width];
        var lengths = new int[batch];
        var mask = new float[batch * steps];
        for (int b = 0; b < batch; b++)
        {
            float[][] sequence = sequences[b];
            lengths[b] = sequence.Length;
            for (int t = 0; t < sequence.Length; t++)
            {
                if (sequence[t].Length != width)
                {
                    throw new ArgumentException(
                        $"Sequence {b}, step {t} has {sequence[t].Length} values; the model expects {width}.");
                }

                sequence[t].CopyTo(values, (b * steps + t) * width);
                mask[b * steps + t] = 1f;
            }
        }

        return new SequenceBatch(values, lengths, mask, batch, steps, width);
    }
}
