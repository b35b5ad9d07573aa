using SceneCut.Recurrent.Modes;

namespace SceneCut.Recurrent.Tests.Support;

/// <summary>Small synthetic tasks each mode must learn, generated from a seed.</summary>
internal static class Tasks
{
    public static float[] OneHot(int index, int size)
    {
        var v = new float[size];
        v[index] = 1f;
        return v;
    }

    public static int ArgMax(float[] v) => System.Numerics.Tensors.TensorPrimitives.IndexOfMax(v);

    /// <summary>Reverse a sequence of tokens (length 3–6, vocabulary 6): input one-hot, target one-hot reversed.</summary>
    public static List<SequenceExample> Reverse(Random random, int count, int vocabulary, int minLength, int maxLength)
    {
        var data = new List<SequenceExample>();
        for (int n = 0; n < count; n++)
        {
            int length = random.Next(minLength, maxLength + 1);
            int[] tokens = Enumerable.Range(0, length).Select(_ => random.Next(vocabulary)).ToArray();
            data.Add(new SequenceExample(
                tokens.Select(t => OneHot(t, vocabulary)).ToArray(),
                tokens.Reverse().Select(t => OneHot(t, vocabulary + 1)).ToArray()));
        }

        return data;
    }

    /// <summary>
    /// A scene-like tagging task: runs of one of K categories (noisy one-hot features); the label is 1 on the first
    /// step of each new run — the "boundary" — which needs memory of the previous step.
    /// </summary>
    public static List<SequenceExample> Boundaries(Random random, int count, int categories, int length)
    {
        var data = new List<SequenceExample>();
        for (int n = 0; n < count; n++)
        {
            var inputs = new float[length][];
            var targets = new float[length][];
            int current = random.Next(categories);
            for (int t = 0; t < length; t++)
            {
                bool change = t > 0 && random.NextDouble() < 0.2;
                if (change)
                {
                    current = (current + 1 + random.Next(categories - 1)) % categories;
                }

                inputs[t] = OneHot(current, categories);
                for (int k = 0; k < categories; k++)
                {
                    inputs[t][k] += (float)(random.NextDouble() * 0.2 - 0.1);
                }

                targets[t] = [change ? 1f : 0f];
            }

            data.Add(new SequenceExample(inputs, targets));
        }

        return data;
    }

    /// <summary>
    /// The adding problem (Hochreiter &amp; Schmidhuber 1997): T steps of (value ∈ U(0,1), marker); the target is
    /// the sum of the two marked values. Always answering 1.0 scores MSE ≈ 0.167.
    /// </summary>
    public static List<SequenceExample> Adding(Random random, int count, int steps)
    {
        var data = new List<SequenceExample>();
        for (int n = 0; n < count; n++)
        {
            var inputs = new float[steps][];
            for (int t = 0; t < steps; t++)
            {
                inputs[t] = [(float)random.NextDouble(), 0f];
            }

            // First marker in the first half, second in the second half, as in the original setup.
            int a = random.Next(steps / 2), b = steps / 2 + random.Next(steps / 2);
            inputs[a][1] = 1f;
            inputs[b][1] = 1f;
            data.Add(new SequenceExample(inputs, [[inputs[a][0] + inputs[b][0]]]));
        }

        return data;
    }
}
