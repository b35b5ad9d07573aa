namespace SceneCut.Recurrent.Training;

/// <summary>Gradient clipping, the standard cure for exploding gradients in recurrent nets (Pascanu et al. 2013).</summary>
public static class GradientClipping
{
    /// <summary>‖g‖ over all parameters, summed in double.</summary>
    public static double GlobalNorm(IReadOnlyList<Parameter> parameters)
    {
        double sum = 0;
        foreach (Parameter p in parameters)
        {
            foreach (float g in p.Gradient)
            {
                sum += (double)g * g;
            }
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Scales all gradients by maxNorm/‖g‖ when ‖g‖ &gt; maxNorm; keeps the direction. Returns ‖g‖ before clipping.</summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Parameter> parameters, double maxNorm)
    {
        double norm = GlobalNorm(parameters);
        if (norm > maxNorm && norm > 0)
        {
            float scale = (float)(maxNorm / norm);
            foreach (Parameter p in parameters)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(p.Gradient, scale, p.Gradient);
            }
        }

        return norm;
    }

    /// <summary>Clamps every gradient element into [−maxValue, maxValue].</summary>
    public static void ClipByValue(IReadOnlyList<Parameter> parameters, float maxValue)
    {
        foreach (Parameter p in parameters)
        {
            System.Numerics.Tensors.TensorPrimitives.Clamp(p.Gradient, -maxValue, maxValue, p.Gradient);
        }
    }
}
