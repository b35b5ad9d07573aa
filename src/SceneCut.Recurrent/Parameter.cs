namespace SceneCut.Recurrent;

/// <summary>
/// A trainable tensor: its values and the gradient that backward passes add into. The trainer zeroes
/// <see cref="Gradient"/> once per step, so weights shared across time steps need no special case.
/// </summary>
public sealed class Parameter
{
    public Parameter(string name, params int[] shape)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Shape = shape;
        int size = 1;
        foreach (int dim in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dim);
            size *= dim;
        }

        Value = new float[size];
        Gradient = new float[size];
    }

    /// <summary>Stable name used by save/load and ONNX export, e.g. <c>rnn.l0.fwd.W_x</c>.</summary>
    public string Name { get; }

    /// <summary>Row-major shape of <see cref="Value"/>.</summary>
    public IReadOnlyList<int> Shape { get; }

    public float[] Value { get; }

    public float[] Gradient { get; }

    public int Size => Value.Length;

    public void ZeroGradient() => Array.Clear(Gradient);

    /// <summary>Fills with U(-bound, bound), the PyTorch default for recurrent and linear layers (bound = 1/√fan).</summary>
    public void InitUniform(Random random, float bound)
    {
        for (int i = 0; i < Value.Length; i++)
        {
            Value[i] = (float)((random.NextDouble() * 2 - 1) * bound);
        }
    }
}
