using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;

namespace SceneCut.Recurrent.Modes;

/// <summary>
/// Maps a summary vector (the one input of one-to-many, the encoder's final state in seq2seq) to the decoder's
/// initial state: [h; c] = tanh(s W + b) for every layer. It lets encoder and decoder differ in shape.
/// </summary>
public sealed class StateBridge
{
    private readonly int _layers;
    private readonly int _hidden;
    private readonly int _states;

    public StateBridge(int summarySize, int layers, int hidden, bool hasCellState, Random random)
    {
        _layers = layers;
        _hidden = hidden;
        _states = hasCellState ? 2 : 1;
        Linear = new LinearHead(summarySize, _states * layers * hidden, random, "bridge");
    }

    public LinearHead Linear { get; }

    /// <param name="summary">// (B, S)</param>
    /// <returns>The state and the tanh output backward needs. // (L, B, H) each</returns>
    public (RecurrentState State, float[] Activation) Forward(float[] summary, int batch)
    {
        float[] a = Linear.Forward(summary, batch); // (B, states·L·H)
        System.Numerics.Tensors.TensorPrimitives.Tanh(a, a);
        var state = RecurrentState.Zeros(_layers, batch, _hidden, _states == 2);
        for (int b = 0; b < batch; b++)
        {
            for (int s = 0; s < _states; s++)
            {
                float[] target = s == 0 ? state.H : state.C;
                for (int l = 0; l < _layers; l++)
                {
                    a.AsSpan(b * _states * _layers * _hidden + (s * _layers + l) * _hidden, _hidden)
                        .CopyTo(target.AsSpan((l * batch + b) * _hidden, _hidden));
                }
            }
        }

        return (state, a);
    }

    /// <returns>∂L/∂summary. // (B, S)</returns>
    public float[] Backward(float[] summary, float[] activation, RecurrentState dState, int batch)
    {
        var dA = new float[activation.Length];
        for (int b = 0; b < batch; b++)
        {
            for (int s = 0; s < _states; s++)
            {
                float[] source = s == 0 ? dState.H : dState.C;
                for (int l = 0; l < _layers; l++)
                {
                    int at = b * _states * _layers * _hidden + (s * _layers + l) * _hidden;
                    for (int j = 0; j < _hidden; j++)
                    {
                        // tanh' = 1 − tanh²
                        float y = activation[at + j];
                        dA[at + j] = source[(l * batch + b) * _hidden + j] * (1 - y * y);
                    }
                }
            }
        }

        return Linear.Backward(summary, dA, batch);
    }
}
