using OpenCvSharp;

namespace SceneCut.Video.Libav;

/// <summary>
/// Turns decoded frames into the two BGR pictures a <see cref="VideoFrame"/> carries, turned as displayed: the small
/// analysis copy of every frame and the larger sample of a few. Pictures keep their size when the stream changes resolution mid-way.
/// </summary>
internal sealed unsafe class LibavPictures : IDisposable
{
    private readonly Size _storedAnalysisSize;
    private readonly Size _storedSampleSize;
    private readonly RotateFlags? _rotation;
    // Pictures in the stored orientation, turned into the caller's Mats; only allocated for rotated videos.
    private readonly Mat? _storedAnalysis;
    private readonly Mat? _storedSample;
    private readonly LibavScaler _analysisScaler;
    private readonly LibavScaler? _sampleScaler;

    /// <summary>Pictures of <paramref name="analysisSize"/> and, unless empty, <paramref name="sampleSize"/>, displayed after turning by <paramref name="rotationDegrees"/> clockwise.</summary>
    public LibavPictures(Size analysisSize, Size sampleSize, int rotationDegrees)
    {
        _rotation = rotationDegrees switch
        {
            90 => RotateFlags.Rotate90Clockwise,
            180 => RotateFlags.Rotate180,
            270 => RotateFlags.Rotate90Counterclockwise,
            _ => null,
        };
        var quarterTurn = _rotation is RotateFlags.Rotate90Clockwise or RotateFlags.Rotate90Counterclockwise;
        _storedAnalysisSize = quarterTurn ? new Size(analysisSize.Height, analysisSize.Width) : analysisSize;
        _storedSampleSize = quarterTurn ? new Size(sampleSize.Height, sampleSize.Width) : sampleSize;
        _analysisScaler = new LibavScaler(_storedAnalysisSize);
        if (_rotation is not null)
        {
            _storedAnalysis = new Mat(_storedAnalysisSize, MatType.CV_8UC3);
        }

        if (sampleSize.Width > 0 && sampleSize.Height > 0)
        {
            _sampleScaler = new LibavScaler(_storedSampleSize);
            if (_rotation is not null)
            {
                _storedSample = new Mat(_storedSampleSize, MatType.CV_8UC3);
            }
        }
    }

    /// <summary>Writes the analysis picture of <paramref name="frame"/> (an <c>AVFrame*</c>) into <paramref name="analysis"/>.</summary>
    public void Analysis(nint frame, Mat analysis)
    {
        var target = _storedAnalysis ?? analysis;
        _analysisScaler.Scale((void*)frame, target);
        Turn(target, analysis);
    }

    /// <summary>Writes the sample picture of <paramref name="frame"/> into <paramref name="sample"/>.</summary>
    public void Sample(nint frame, Mat sample)
    {
        if (_sampleScaler is null)
        {
            throw new InvalidOperationException("No sample size was given.");
        }

        var target = _storedSample ?? sample;
        _sampleScaler.Scale((void*)frame, target);
        Turn(target, sample);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _analysisScaler.Dispose();
        _sampleScaler?.Dispose();
        _storedAnalysis?.Dispose();
        _storedSample?.Dispose();
    }

    private void Turn(Mat stored, Mat displayed)
    {
        if (_rotation is { } rotation)
        {
            Cv2.Rotate(stored, displayed, rotation);
        }
    }
}
