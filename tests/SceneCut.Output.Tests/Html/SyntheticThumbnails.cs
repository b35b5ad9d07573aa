using OpenCvSharp;
using SceneCut.Output.Html;

namespace SceneCut.Output.Tests.Html;

/// <summary>Real JPEGs of a drawn frame number, for reports of hand-built documents that have no video behind them.</summary>
internal sealed class SyntheticThumbnails : IThumbnailSource
{
    public Task<IReadOnlyDictionary<int, byte[]>> GetJpegsAsync(IReadOnlyCollection<int> frames, int width, int quality, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, byte[]>();
        var height = width * 9 / 16;
        foreach (var frame in frames.Distinct())
        {
            using var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(frame * 7 % 255, frame * 13 % 255, 90));
            Cv2.PutText(image, frame.ToString(System.Globalization.CultureInfo.InvariantCulture), new Point(8, height / 2), HersheyFonts.HersheySimplex, 0.8, Scalar.White, 2);
            Cv2.ImEncode(".jpg", image, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
            result[frame] = jpeg;
        }

        return Task.FromResult<IReadOnlyDictionary<int, byte[]>>(result);
    }
}
