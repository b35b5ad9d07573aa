namespace SceneCut.Shots;

/// <summary>
/// How well the frames between two pictures A and B are straight blends of them. For each in-between frame F the
/// best α in <c>F ≈ α·A + (1 − α)·B</c> is <c>α = ⟨F − B, A − B⟩ / |A − B|²</c>; the misfit is
/// <c>|F − α·A − (1 − α)·B| / |A − B|</c>. A dissolve or fade has small misfits and α falling from 1 to 0.
/// </summary>
/// <param name="MeanResidual">Mean misfit of the in-between frames, relative to the distance between A and B.</param>
/// <param name="BackwardStepShare">Share of frame steps where α rose instead of falling.</param>
public readonly record struct BlendFit(double MeanResidual, double BackwardStepShare)
{
    // α may rise by this much between frames (compression noise) without counting as going backwards.
    private const double AlphaWobble = 0.05;

    /// <summary>Fits frames <c>[first, last − 1]</c> (from <paramref name="frame"/>) as blends of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static BlendFit Measure(float[] a, float[] b, int first, int last, Func<int, float[]> frame)
    {
        var n = a.Length;
        var d = new float[n]; // A − B
        var dd = 0.0;
        for (var i = 0; i < n; i++)
        {
            d[i] = a[i] - b[i];
            dd += d[i] * d[i];
        }

        if (dd <= 0 || last <= first)
        {
            return new BlendFit(0, 0);
        }

        var residualSum = 0.0;
        var backward = 0;
        var previousAlpha = 1.0;
        var frames = 0;
        for (var m = first; m < last; m++)
        {
            var f = frame(m);
            // α = ⟨F − B, A − B⟩ / |A − B|²
            var dot = 0.0;
            for (var i = 0; i < n; i++)
            {
                dot += (f[i] - b[i]) * d[i];
            }

            var alpha = dot / dd;
            // misfit² = |F − B − α(A − B)|²
            var misfit = 0.0;
            for (var i = 0; i < n; i++)
            {
                var r = f[i] - b[i] - (alpha * d[i]);
                misfit += r * r;
            }

            residualSum += Math.Sqrt(misfit / dd);
            if (alpha > previousAlpha + AlphaWobble)
            {
                backward++;
            }

            previousAlpha = alpha;
            frames++;
        }

        // The last step (frame last−1 → B, α → 0) counts as a step too.
        return new BlendFit(frames > 0 ? residualSum / frames : 0, frames > 0 ? (double)backward / (frames + 1) : 0);
    }

    /// <summary>Pearson correlation of two pictures: near 1 for the same picture under other lighting.</summary>
    public static double Correlation(float[] a, float[] b)
    {
        double meanA = 0, meanB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double cov = 0, varA = 0, varB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i] - meanA;
            var y = b[i] - meanB;
            cov += x * y;
            varA += x * x;
            varB += y * y;
        }

        return varA > 0 && varB > 0 ? cov / Math.Sqrt(varA * varB) : 0;
    }
}
