namespace SceneCut.Recurrent.Tests.Support;

/// <summary>
/// Central finite differences on float32 models. The loss is summed in double; with ε = 1e-2 the truncation error
/// (≈ ε²·f''') and float rounding (≈ 1e-7·|L|/ε) both stay near 1e-4, far below the tolerance.
/// </summary>
internal static class FiniteDifference
{
    public const float Epsilon = 1e-2f;

    /// <summary>Checks analytic[i] against the numeric slope of loss() along values[i], for every i.</summary>
    public static void Check(string what, float[] values, float[] analytic, Func<double> loss,
        double absoluteTolerance = 2e-3, double relativeTolerance = 2e-2, bool requireNonZero = true)
    {
        Assert.Equal(values.Length, analytic.Length);
        double worst = 0;
        for (int i = 0; i < values.Length; i++)
        {
            float original = values[i];
            values[i] = original + Epsilon;
            double plus = loss();
            values[i] = original - Epsilon;
            double minus = loss();
            values[i] = original;
            double numeric = (plus - minus) / (2 * Epsilon);
            double error = Math.Abs(numeric - analytic[i]);
            double allowed = absoluteTolerance + relativeTolerance * Math.Abs(numeric);
            worst = Math.Max(worst, error / allowed);
            Assert.True(error <= allowed,
                $"{what}[{i}]: analytic {analytic[i]:G6} vs numeric {numeric:G6} (|diff| {error:G3} > {allowed:G3})");
        }

        // A check that compared only zeros would prove nothing (callers opt out where zero is the right answer).
        if (requireNonZero)
        {
            Assert.Contains(analytic, g => g != 0);
        }
    }

    public static float[] Random(Random random, int size, float scale = 1f)
    {
        var values = new float[size];
        for (int i = 0; i < size; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }

        return values;
    }

    /// <summary>Σ w_i y_i in double: a loss whose gradient w.r.t. y is w.</summary>
    public static double Dot(float[] weights, float[] y)
    {
        double sum = 0;
        for (int i = 0; i < y.Length; i++)
        {
            sum += (double)weights[i] * y[i];
        }

        return sum;
    }
}
