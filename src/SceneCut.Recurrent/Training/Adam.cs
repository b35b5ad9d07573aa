namespace SceneCut.Recurrent.Training;

/// <summary>
/// Adam (Kingma &amp; Ba 2015). With <c>decoupledWeightDecay</c> it is AdamW (Loshchilov &amp; Hutter 2019):
/// the decay shrinks weights directly instead of being added to the gradient, so Adam's scaling does not weaken it.
/// </summary>
public sealed class Adam(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f,
    bool decoupledWeightDecay = true) : IOptimizer
{
    private readonly Dictionary<Parameter, (float[] M, float[] V)> _moments = new(ReferenceEqualityComparer.Instance);
    private int _step;

    public void Step(IReadOnlyList<Parameter> parameters, float learningRate)
    {
        _step++;
        double correction1 = 1 - Math.Pow(beta1, _step);
        double correction2 = 1 - Math.Pow(beta2, _step);
        float stepSize = (float)(learningRate / correction1);
        float rootCorrection2 = (float)Math.Sqrt(correction2);
        foreach (Parameter p in parameters)
        {
            if (!_moments.TryGetValue(p, out var moments))
            {
                moments = (new float[p.Size], new float[p.Size]);
                _moments[p] = moments;
            }

            float[] w = p.Value, g = p.Gradient, m = moments.M, v = moments.V;
            for (int i = 0; i < w.Length; i++)
            {
                float gi = decoupledWeightDecay ? g[i] : g[i] + weightDecay * w[i];
                // m = β1 m + (1 − β1) g ; v = β2 v + (1 − β2) g²
                m[i] = beta1 * m[i] + (1 - beta1) * gi;
                v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
                if (decoupledWeightDecay)
                {
                    w[i] -= learningRate * weightDecay * w[i];
                }

                // w −= lr · m̂ / (√v̂ + ε)
                w[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / rootCorrection2 + epsilon);
            }
        }
    }
}
