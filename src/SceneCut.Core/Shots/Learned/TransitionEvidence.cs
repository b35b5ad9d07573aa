namespace SceneCut.Shots.Learned;

/// <summary>
/// Turns each frame's <see cref="FrameFeatures"/> into the cheap evidence vector the learned transition model reads:
/// picture and colour change at several lags, edge change, how straight the recent change is (a dissolve is a straight
/// line between two pictures, a cut a step), luma and colour statistics. Streams: it keeps the last
/// <see cref="MaxLag"/> frames only, so training and detection compute exactly the same numbers.
/// </summary>
public sealed class TransitionEvidence
{
    /// <summary>Values per frame.</summary>
    public const int Size = 20;

    /// <summary>Longest lag looked back over, in frames.</summary>
    public const int MaxLag = 8;

    private static readonly int[] Lags = [1, 2, 4, MaxLag];

    // Distances of a few thousandths are the noise of a still shot; the log keeps them apart from 0 and from real change.
    private const float LogFloor = 1e-3f;

    // Luma above which a pixel counts as white (the mirror of the black-pixel threshold).
    private const float WhitePixel = 0.9f;

    private readonly float _blackPixel;
    private readonly Past[] _past = new Past[MaxLag + 1];
    private readonly float[] _recentSteps = new float[MaxLag];
    private int _count;

    /// <param name="blackPixelThreshold">Luma (0–1) below which a pixel counts as black; the shot options' value.</param>
    public TransitionEvidence(double blackPixelThreshold = ShotDetectionDefaults.BlackPixelThreshold)
    {
        _blackPixel = (float)blackPixelThreshold;
    }

    /// <summary>The evidence of the next frame (frames must arrive in order). // (Size)</summary>
    public float[] Next(FrameFeatures frame)
    {
        var edges = Edges(frame.Gray, frame.Gray.Length);
        var current = new Past(frame, edges);
        var evidence = new float[Size];

        // Picture (pixel) and colour (histogram) change against 1, 2, 4 and 8 frames back (the oldest frame held when
        // the video is younger): a cut is one big step at every lag, a dissolve grows with the lag.
        for (var i = 0; i < Lags.Length; i++)
        {
            var back = Back(Lags[i]) ?? current;
            evidence[i] = Log(frame.PixelDistance(back.Frame));
            evidence[4 + i] = MathF.Sqrt(frame.HistogramDistance(back.Frame));
        }

        var previous = Back(1) ?? current;
        var beforePrevious = Back(2) ?? previous;
        evidence[8] = Log(MeanAbsDifference(edges, previous.Edges));
        evidence[9] = Mean(edges) * 4f;
        evidence[10] = frame.LumaMean;
        evidence[11] = frame.LumaStd * 2f;
        evidence[12] = (frame.LumaMean - previous.Frame.LumaMean) * 4f;
        evidence[13] = (frame.LumaStd - previous.Frame.LumaStd) * 8f;
        // |g_t − 2 g_{t−1} + g_{t−2}|: near 0 inside a dissolve or fade (a straight blend), large at a cut.
        evidence[14] = Log(SecondDifference(frame.Gray, previous.Frame.Gray, beforePrevious.Frame.Gray));
        evidence[15] = Correlation(frame.Gray, previous.Frame.Gray);
        evidence[16] = Fraction(frame.Gray, v => v < _blackPixel);
        evidence[17] = Fraction(frame.Gray, v => v > WhitePixel);
        evidence[18] = ChannelSpread(frame.Histogram) * 4f;
        // The step against the median of the last steps: the shot's own motion sets the scale.
        var step = frame.PixelDistance(previous.Frame);
        evidence[19] = _count > 1 ? MathF.Log2((step + LogFloor) / (Median(_recentSteps, Math.Min(_count - 1, MaxLag)) + LogFloor)) / 8f : 0f;

        if (_count > 0)
        {
            _recentSteps[(_count - 1) % MaxLag] = step;
        }

        _past[_count % _past.Length] = current;
        _count++;
        return evidence;
    }

    private Past? Back(int lag)
    {
        if (_count == 0)
        {
            return null;
        }

        var index = Math.Max(0, _count - lag);
        return _past[index % _past.Length];
    }

    // log10 mapped so 0 → 0 and 1 → about 1.
    private static float Log(float distance) => (MathF.Log10(distance + LogFloor) + 3f) / 3f;

    // |∂x| by forward differences along the row-major picture (the step from one row's end to the next row's start is
    // one spurious value per row, the same in every frame): a dissolve softens these edges, a cut replaces them.
    private static float[] Edges(float[] gray, int n)
    {
        var edges = new float[n];
        for (var i = 0; i + 1 < n; i++)
        {
            edges[i] = MathF.Abs(gray[i + 1] - gray[i]);
        }

        return edges;
    }

    private static float Mean(float[] values)
    {
        var sum = 0f;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    private static float MeanAbsDifference(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += MathF.Abs(a[i] - b[i]);
        }

        return sum / a.Length;
    }

    private static float SecondDifference(float[] g0, float[] g1, float[] g2)
    {
        var sum = 0f;
        for (var i = 0; i < g0.Length; i++)
        {
            sum += MathF.Abs(g0[i] - (2f * g1[i]) + g2[i]);
        }

        return sum / g0.Length;
    }

    private static float Correlation(float[] a, float[] b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= b.Length;
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var da = a[i] - ma;
            var db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }

        // A flat picture (black, white) has no pattern to correlate: call it unrelated to nothing in particular.
        return saa < 1e-9 || sbb < 1e-9 ? 0f : (float)(sab / Math.Sqrt(saa * sbb));
    }

    private static float Fraction(float[] gray, Func<float, bool> predicate)
    {
        var count = 0;
        foreach (var v in gray)
        {
            if (predicate(v))
            {
                count++;
            }
        }

        return (float)count / gray.Length;
    }

    // The spread of the blue, green and red means (from the histograms): 0 for grey pictures, large for saturated ones.
    private static float ChannelSpread(float[] histogram)
    {
        var bins = histogram.Length / 3;
        Span<float> means = stackalloc float[3];
        for (var c = 0; c < 3; c++)
        {
            float sum = 0, weight = 0;
            for (var b = 0; b < bins; b++)
            {
                var h = histogram[(c * bins) + b];
                sum += h * (b + 0.5f) / bins;
                weight += h;
            }

            means[c] = weight > 0 ? sum / weight : 0f;
        }

        return MathF.Max(means[0], MathF.Max(means[1], means[2])) - MathF.Min(means[0], MathF.Min(means[1], means[2]));
    }

    private static float Median(float[] values, int count)
    {
        Span<float> sorted = stackalloc float[count];
        values.AsSpan(0, count).CopyTo(sorted);
        sorted.Sort();
        return sorted[count / 2];
    }

    private readonly record struct Past(FrameFeatures Frame, float[] Edges);
}
