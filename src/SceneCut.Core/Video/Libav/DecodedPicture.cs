using OpenCvSharp;

namespace SceneCut.Video.Libav;

/// <summary>One slot of <see cref="LibavReadAhead"/>: a decoded frame's timestamp and its pictures, reused for later frames.</summary>
internal sealed class DecodedPicture : IDisposable
{
    public DecodedPicture(Size analysisSize) => Analysis = new Mat(analysisSize, MatType.CV_8UC3);

    /// <summary>The frame's best-effort timestamp in stream time-base units; <see cref="LibavNative.NoTimestamp"/> when it has none.</summary>
    public long Timestamp { get; set; }

    /// <summary>The small analysis picture.</summary>
    public Mat Analysis { get; }

    /// <summary>The sample picture when this frame is a sample point, else null (the Mat is kept for the slot's next sample).</summary>
    public Mat? Sample => HasSample ? _sample : null;

    /// <summary>Whether <see cref="Sample"/> holds this frame's sample.</summary>
    public bool HasSample { get; set; }

    private Mat? _sample;

    /// <summary>The slot's sample Mat, created at its first sample.</summary>
    public Mat SampleBuffer(Size size) => _sample ??= new Mat(size, MatType.CV_8UC3);

    /// <inheritdoc />
    public void Dispose()
    {
        Analysis.Dispose();
        _sample?.Dispose();
    }
}
