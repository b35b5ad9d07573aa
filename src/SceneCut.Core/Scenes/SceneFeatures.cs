using SceneCut.Shots;

namespace SceneCut.Scenes;

/// <summary>
/// The per-shot input of the scene model: how the shot relates to its neighbours, not what it shows. Relations
/// (cosine similarities of embeddings over short and longer windows, the transition into it, black, durations)
/// carry over from the footage the model was trained on to any other footage; raw embeddings would not.
/// Step i describes the boundary between shot i − 1 and shot i.
/// </summary>
public static class SceneFeatures
{
    /// <summary>Shots on each side that form the "context" windows.</summary>
    public const int Context = 4;

    private static readonly TransitionKind[] Kinds =
        [TransitionKind.Cut, TransitionKind.Dissolve, TransitionKind.FadeIn, TransitionKind.FadeOut, TransitionKind.FadeThroughBlack];

    /// <summary>Features per step.</summary>
    public static int Size => 10 + Kinds.Length + 1;

    /// <summary>One feature vector per shot. // (T, Size)</summary>
    public static float[][] Build(IReadOnlyList<ShotSummary> shots)
    {
        var steps = new float[shots.Count][];
        for (var i = 0; i < shots.Count; i++)
        {
            steps[i] = Step(shots, i);
        }

        return steps;
    }

    private static float[] Step(IReadOnlyList<ShotSummary> shots, int i)
    {
        var f = new float[Size];
        var k = 0;
        // Similarity across the boundary: the two adjacent shots, then the best pair within 2 and within Context shots
        // (shot/reverse-shot dialogue alternates, so the best pair finds the same place again).
        f[k++] = Similarity(shots, i - 1, i);
        f[k++] = BestPair(shots, i, 2);
        f[k++] = BestPair(shots, i, Context);
        // The whole window before against the whole window after.
        f[k++] = Dot(Mean(shots, i - Context, i - 1), Mean(shots, i, i + Context - 1));
        // How coherent each side is on its own: a change stands out against coherent sides.
        f[k++] = Dot(Mean(shots, i - Context, i - 2), Normalised(shots, i - 1));
        f[k++] = Dot(Normalised(shots, i), Mean(shots, i + 1, i + Context));
        f[k++] = Similarity(shots, i - 2, i - 1);
        f[k++] = Similarity(shots, i, i + 1);
        // log(1 + seconds): scene changes follow long shots more often than quick cutting.
        f[k++] = i > 0 ? (float)Math.Log(1 + shots[i - 1].DurationSeconds) : 0f;
        f[k++] = (float)Math.Log(1 + shots[i].DurationSeconds);
        var kind = shots[i].TransitionIn;
        foreach (var candidate in Kinds)
        {
            f[k++] = kind == candidate ? 1f : 0f;
        }

        f[k] = shots[i].IsBlack || (i > 0 && shots[i - 1].IsBlack) ? 1f : 0f;
        return f;
    }

    // Missing neighbours (at the ends) count as "same as here": no evidence of a change.
    private static float Similarity(IReadOnlyList<ShotSummary> shots, int a, int b) =>
        a < 0 || b < 0 || a >= shots.Count || b >= shots.Count ? 1f : Dot(shots[a].Embedding, shots[b].Embedding);

    private static float BestPair(IReadOnlyList<ShotSummary> shots, int i, int width)
    {
        var best = float.NegativeInfinity;
        for (var a = Math.Max(0, i - width); a < i; a++)
        {
            for (var b = i; b < Math.Min(shots.Count, i + width); b++)
            {
                best = Math.Max(best, Dot(shots[a].Embedding, shots[b].Embedding));
            }
        }

        return float.IsNegativeInfinity(best) ? 1f : best;
    }

    private static float[]? Normalised(IReadOnlyList<ShotSummary> shots, int i) => i >= 0 && i < shots.Count ? shots[i].Embedding : null;

    private static float[]? Mean(IReadOnlyList<ShotSummary> shots, int from, int to)
    {
        from = Math.Max(0, from);
        to = Math.Min(shots.Count - 1, to);
        if (from > to)
        {
            return null;
        }

        var mean = new float[shots[from].Embedding.Length];
        for (var s = from; s <= to; s++)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(mean, shots[s].Embedding, mean);
        }

        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(mean);
        if (norm > 0)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(mean, norm, mean);
        }

        return mean;
    }

    private static float Dot(float[]? a, float[]? b) =>
        a is null || b is null ? 1f : System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
