using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SceneCut.Shots;

/// <summary>
/// Shrinks each frame to a small analysis copy and takes <see cref="FrameFeatures"/> from it. Reuses its buffers, so
/// the only allocations per frame are the feature arrays that outlive the call.
/// </summary>
public sealed class FrameFeatureExtractor : IDisposable
{
    private readonly int _analysisWidth;
    private readonly int _histogramBins;
    // The nearest-neighbour pre-shrink keeps this many samples per analysis pixel along each axis.
    private const int PreShrinkFactor = 4;

    private readonly Mat _preShrunk = new();
    private readonly Mat _small = new();
    private readonly Mat _gray = new();
    private byte[] _bgrBytes = [];
    private byte[] _grayBytes = [];

    /// <param name="analysisWidth">Width of the analysis copy in pixels; height keeps the aspect ratio.</param>
    /// <param name="histogramBins">Bins per colour channel.</param>
    public FrameFeatureExtractor(int analysisWidth, int histogramBins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(analysisWidth, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(histogramBins, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(histogramBins, 256);
        _analysisWidth = analysisWidth;
        _histogramBins = histogramBins;
    }

    /// <summary>Features of one full-size BGR frame.</summary>
    public FrameFeatures Extract(int index, double seconds, Mat bgr)
    {
        var width = Math.Min(_analysisWidth, bgr.Width);
        var height = Math.Max(1, (int)Math.Round((double)bgr.Height * width / bgr.Width));
        var target = new Size(width, height);
        if (bgr.Width >= PreShrinkFactor * width * 2)
        {
            // Two steps: nearest-neighbour sampling down to a few times the target (touches a small share of the
            // pixels), then INTER_AREA averaging, so noise still shrinks away. A single INTER_AREA pass over a full
            // HD frame costs more than the rest of the analysis together.
            Cv2.Resize(bgr, _preShrunk, new Size(width * PreShrinkFactor, height * PreShrinkFactor), interpolation: InterpolationFlags.Nearest);
            Cv2.Resize(_preShrunk, _small, target, interpolation: InterpolationFlags.Area);
        }
        else
        {
            Cv2.Resize(bgr, _small, target, interpolation: InterpolationFlags.Area);
        }
        Cv2.CvtColor(_small, _gray, ColorConversionCodes.BGR2GRAY);

        CopyPixels(_small, ref _bgrBytes);
        CopyPixels(_gray, ref _grayBytes);

        var gray = new float[_grayBytes.Length];
        var sum = 0.0;
        var sumSquares = 0.0;
        for (var i = 0; i < gray.Length; i++)
        {
            var v = _grayBytes[i] / 255f;
            gray[i] = v;
            sum += v;
            sumSquares += v * v;
        }

        var mean = sum / gray.Length;
        var std = Math.Sqrt(Math.Max(0, (sumSquares / gray.Length) - (mean * mean)));
        return new FrameFeatures(index, seconds, (float)mean, (float)std, Histogram(_bgrBytes), gray);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _preShrunk.Dispose();
        _small.Dispose();
        _gray.Dispose();
    }

    private float[] Histogram(byte[] bgr)
    {
        var bins = _histogramBins;
        var histogram = new float[3 * bins];
        var pixels = bgr.Length / 3;
        for (var p = 0; p < bgr.Length; p += 3)
        {
            histogram[bgr[p] * bins / 256]++;
            histogram[bins + (bgr[p + 1] * bins / 256)]++;
            histogram[(2 * bins) + (bgr[p + 2] * bins / 256)]++;
        }

        var scale = 1f / (3f * pixels);
        for (var i = 0; i < histogram.Length; i++)
        {
            histogram[i] *= scale;
        }

        return histogram;
    }

    private static void CopyPixels(Mat mat, ref byte[] buffer)
    {
        var length = checked((int)(mat.Total() * mat.ElemSize()));
        if (buffer.Length != length)
        {
            buffer = new byte[length];
        }

        // Resize and CvtColor always produce continuous Mats, so one copy takes every row.
        Marshal.Copy(mat.Data, buffer, 0, length);
    }
}
