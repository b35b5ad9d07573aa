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

    /// <summary>Shots on each side whose boundaries a boundary is compared with (the video's own scale of change).</summary>
    public const int Neighbourhood = 8;

    /// <summary>Features per step of models trained before <see cref="Size"/> (the first 16 of today's, same order).</summary>
    public const int LegacySize = 16;

    /// <summary>Features per step.</summary>
    public static int Size => LegacySize + 5;

    /// <summary>One feature vector per shot. // (T, Size)</summary>
    public static float[][] Build(IReadOnlyList<ShotSummary> shots) => Build(shots, Size);

    /// <summary>The first <paramref name="size"/> features per shot (<see cref="LegacySize"/> or <see cref="Size"/>). // (T, size)</summary>
    public static float[][] Build(IReadOnlyList<ShotSummary> shots, int size)
    {
        if (size != LegacySize && size != Size)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Scene features come in {LegacySize} or {Size} per shot.");
        }

        var distances = new float[shots.Count];
        for (var i = 1; i < shots.Count; i++)
        {
            distances[i] = 1f - Similarity(shots, i - 1, i);
        }

        var medianDuration = Median(shots.Select(s => (float)s.DurationSeconds).ToList());
        var steps = new float[shots.Count][];
        for (var i = 0; i < shots.Count; i++)
        {
            var step = Step(shots, i);
            steps[i] = size == LegacySize ? step : [.. step, .. Relative(shots, distances, medianDuration, i)];
        }

        return steps;
    }

    // How this boundary stands against the video around it. A black-and-white film or a news studio changes little
    // between any two shots; a montage changes a lot at every cut: what marks a scene is a change larger than its
    // neighbours', and a look that does not come back within the neighbourhood.
    private static float[] Relative(IReadOnlyList<ShotSummary> shots, float[] distances, float medianDuration, int i)
    {
        if (i == 0)
        {
            return [0f, 0.5f, 1f, 0f, 0f];
        }

        var around = new List<float>();
        for (var j = Math.Max(1, i - Neighbourhood); j <= Math.Min(shots.Count - 1, i + Neighbourhood); j++)
        {
            if (j != i)
            {
                around.Add(distances[j]);
            }
        }

        var excess = around.Count > 0 ? distances[i] - Median(around) : 0f;
        var rank = around.Count > 0 ? around.Count(d => d < distances[i]) / (float)around.Count : 0.5f;
        var scale = Math.Max(medianDuration, 0.1f);
        return
        [
            excess,
            rank,
            BestPair(shots, i, Neighbourhood),
            (float)Math.Log(Math.Max(shots[i - 1].DurationSeconds, 0.04) / scale),
            (float)Math.Log(Math.Max(shots[i].DurationSeconds, 0.04) / scale),
        ];
    }

    private static float Median(List<float> values)
    {
        if (values.Count == 0)
        {
            return 0f;
        }

        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : 0.5f * (values[(values.Count / 2) - 1] + values[values.Count / 2]);
    }

    private static float[] Step(IReadOnlyList<ShotSummary> shots, int i)
    {
        var f = new float[LegacySize];
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
