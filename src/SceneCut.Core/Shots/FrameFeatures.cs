namespace SceneCut.Shots;

/// <summary>
/// Cheap per-frame features taken from a small copy of the frame: all the shot detectors need, so the full frame
/// can be released straight after decoding.
/// </summary>
/// <param name="Index">Frame index in decode order.</param>
/// <param name="Seconds">Presentation time.</param>
/// <param name="LumaMean">Mean luma in <c>[0, 1]</c>.</param>
/// <param name="LumaStd">Standard deviation of luma in <c>[0, 1]</c>.</param>
/// <param name="Histogram">Blue, green and red histograms concatenated, each normalised to sum to 1/3. // (3 × bins)</param>
/// <param name="Gray">Downscaled luma picture, row-major, values in <c>[0, 1]</c>. // (h × w)</param>
public sealed record FrameFeatures(int Index, double Seconds, float LumaMean, float LumaStd, float[] Histogram, float[] Gray)
{
    /// <summary>Half the L1 distance of the colour histograms: 0 for equal colour content, 1 for disjoint.</summary>
    public float HistogramDistance(FrameFeatures other)
    {
        var sum = 0f;
        for (var i = 0; i < Histogram.Length; i++)
        {
            sum += MathF.Abs(Histogram[i] - other.Histogram[i]);
        }

        return sum / 2f;
    }

    /// <summary>Mean absolute difference of the small luma pictures, in <c>[0, 1]</c>: sensitive to motion, blind to colour.</summary>
    public float PixelDistance(FrameFeatures other)
    {
        var sum = 0f;
        for (var i = 0; i < Gray.Length; i++)
        {
            sum += MathF.Abs(Gray[i] - other.Gray[i]);
        }

        return sum / Gray.Length;
    }

    /// <summary>
    /// The content change used to find cuts: the mean of pixel and histogram distances, so motion alone (pixels) or a
    /// colour shift alone (histogram) scores half of what a real change of picture scores.
    /// </summary>
    public float ContentDistance(FrameFeatures other) => 0.5f * (PixelDistance(other) + HistogramDistance(other));
}
