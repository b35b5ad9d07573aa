namespace SceneCut.Recurrent.Training;

/// <summary>SGD with (heavy-ball) momentum, as PyTorch's SGD: v = μ v + g ; w −= lr · v.</summary>
public sealed class SgdMomentum(float momentum = 0.9f, float weightDecay = 0f) : IOptimizer
{
    private readonly Dictionary<Parameter, float[]> _velocity = new(ReferenceEqualityComparer.Instance);

    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        foreach (Parameter p in parameters)
        {
            if (!_velocity.TryGetValue(p, out float[]? v))
            {
                v = new float[p.Size];
                _velocity[p] = v;
            }

            float[] w = p.Value, g = p.Gradient;
            for (int i = 0; i < w.Length; i++)
            {
                v[i] = momentum * v[i] + g[i] + weightDecay * w[i];
                w[i] -= learningRate * v[i];
            }
        }
    }
}
