using OpenCvSharp;

namespace SceneCut.Output.Html;

/// <summary>
/// Thumbnails read from the video file with OpenCV: frames in ascending order, reading forward over short gaps and
/// seeking over long ones, so a 2-hour film costs a few hundred seeks rather than a full decode. OpenCV seeks by
/// timestamp, so on variable-frame-rate files a thumbnail may be a frame or two off — fine for a picture.
/// </summary>
public sealed class OpenCvThumbnailSource : IThumbnailSource
{
    // Below this gap, decoding forward is cheaper than a seek (which decodes from the previous key frame anyway).
    private const int ReadForwardMaxGap = 48;

    private readonly string _videoPath;

    /// <summary>Thumbnails of <paramref name="videoPath"/>.</summary>
    public OpenCvThumbnailSource(string videoPath) => _videoPath = videoPath;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<int, byte[]>> GetJpegsAsync(IReadOnlyCollection<int> frames, int width, int quality, CancellationToken cancellationToken) =>
        Task.Run(() => Read(frames, width, quality, cancellationToken), cancellationToken);

    private IReadOnlyDictionary<int, byte[]> Read(IReadOnlyCollection<int> frames, int width, int quality, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, byte[]>();
        using var capture = new VideoCapture(_videoPath);
        if (!capture.IsOpened())
        {
            return result;
        }

        using var frame = new Mat();
        using var small = new Mat();
        var encoding = new ImageEncodingParam(ImwriteFlags.JpegQuality, quality);
        // Index of the frame the next Read returns.
        var position = 0;
        foreach (var wanted in frames.Where(f => f >= 0).Distinct().Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (wanted - position > ReadForwardMaxGap)
            {
                capture.Set(VideoCaptureProperties.PosFrames, wanted);
                position = wanted;
            }

            for (; position < wanted; position++)
            {
                if (!capture.Grab())
                {
                    return result;
                }
            }

            if (!capture.Read(frame) || frame.Empty())
            {
                return result;
            }

            position++;
            var height = Math.Max(1, (int)Math.Round(frame.Rows * (double)width / frame.Cols));
            Cv2.Resize(frame, small, new Size(width, height), interpolation: InterpolationFlags.Area);
            Cv2.ImEncode(".jpg", small, out var jpeg, encoding);
            result[wanted] = jpeg;
        }

        return result;
    }
}
