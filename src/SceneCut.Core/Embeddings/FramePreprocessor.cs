using System.Runtime.InteropServices;
using OpenCvSharp;

namespace SceneCut.Embeddings;

/// <summary>
/// Turns a BGR frame of any size into the CNN's input tensor, entirely in OpenCV (resize, channel order, per-channel
/// scale and shift straight into the tensor memory): no per-pixel managed loop. One instance per embedder; not
/// thread-safe (it reuses its scratch images).
/// </summary>
internal sealed class FramePreprocessor : IDisposable
{
    private readonly int width;
    private readonly int height;
    private readonly TensorLayout layout;
    private readonly ResizeMode resizeMode;
    private readonly bool swapToRgb;
    // Per channel c: value = pixel * alpha[c] + beta[c] = (pixel * PixelScale - mean[c]) / std[c].
    private readonly double[] alpha = new double[3];
    private readonly double[] beta = new double[3];
    private readonly Mat resized = new();
    private readonly Mat ordered = new();
    private readonly Mat plane = new();

    public FramePreprocessor(EmbeddingOptions options)
    {
        width = options.InputWidth;
        height = options.InputHeight;
        layout = options.Layout;
        resizeMode = options.ResizeMode;
        swapToRgb = options.ChannelOrder == ChannelOrder.Rgb;
        var mean = options.EffectiveMean;
        var std = options.EffectiveStd;
        for (var c = 0; c < 3; c++)
        {
            alpha[c] = options.PixelScale / std[c];
            beta[c] = -mean[c] / std[c];
        }
    }

    /// <summary>Floats one frame occupies in the input tensor (3 × height × width).</summary>
    public int FloatsPerFrame => 3 * width * height;

    /// <summary>
    /// Writes <paramref name="frame"/> (8-bit BGR, BGRA or grey, any size) as item <paramref name="slot"/> of the batch
    /// tensor in <paramref name="pinnedTensor"/>, which must be a pinned array (its address is handed to OpenCV).
    /// </summary>
    public void Write(Mat frame, float[] pinnedTensor, int slot)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Empty())
        {
            throw new ArgumentException("cannot embed an empty image", nameof(frame));
        }

        if (frame.Depth() != MatType.CV_8U || frame.Channels() is not (1 or 3 or 4))
        {
            throw new ArgumentException($"expected an 8-bit BGR image, found {frame.Type()}", nameof(frame));
        }

        Fit(frame);
        var colour = ToModelOrder(frame.Channels());
        var offset = slot * FloatsPerFrame;
        if (layout == TensorLayout.Nchw)
        {
            for (var c = 0; c < 3; c++)
            {
                Cv2.ExtractChannel(colour, plane, c);
                using var target = Mat.FromPixelData(height, width, MatType.CV_32FC1, Marshal.UnsafeAddrOfPinnedArrayElement(pinnedTensor, offset + (c * width * height)));
                plane.ConvertTo(target, MatType.CV_32FC1, alpha[c], beta[c]);
            }
        }
        else
        {
            // Interleaved: convert the whole picture into the tensor, then scale and shift each channel in place.
            using var target = Mat.FromPixelData(height, width, MatType.CV_32FC3, Marshal.UnsafeAddrOfPinnedArrayElement(pinnedTensor, offset));
            colour.ConvertTo(target, MatType.CV_32FC3);
            Cv2.Multiply(target, new Scalar(alpha[0], alpha[1], alpha[2]), target);
            Cv2.Add(target, new Scalar(beta[0], beta[1], beta[2]), target);
        }
    }

    public void Dispose()
    {
        resized.Dispose();
        ordered.Dispose();
        plane.Dispose();
    }

    // Brings the frame to width × height into `resized`: area averaging when shrinking (no aliasing), bilinear when growing.
    private void Fit(Mat frame)
    {
        var source = new Rect(0, 0, frame.Width, frame.Height);
        if (resizeMode == ResizeMode.CenterCrop)
        {
            // The largest centred window with the model's aspect ratio.
            var scale = Math.Min(frame.Width / (double)width, frame.Height / (double)height);
            var cropWidth = Math.Clamp((int)Math.Round(width * scale), 1, frame.Width);
            var cropHeight = Math.Clamp((int)Math.Round(height * scale), 1, frame.Height);
            source = new Rect((frame.Width - cropWidth) / 2, (frame.Height - cropHeight) / 2, cropWidth, cropHeight);
        }

        var shrinking = source.Width >= width && source.Height >= height;
        using var window = new Mat(frame, source);
        Cv2.Resize(window, resized, new Size(width, height), 0, 0, shrinking ? InterpolationFlags.Area : InterpolationFlags.Linear);
    }

    // The fitted picture as three channels in the model's order.
    private Mat ToModelOrder(int channels)
    {
        var code = (channels, swapToRgb) switch
        {
            (3, false) => (ColorConversionCodes?)null,
            (3, true) => ColorConversionCodes.BGR2RGB,
            (4, false) => ColorConversionCodes.BGRA2BGR,
            (4, true) => ColorConversionCodes.BGRA2RGB,
            (_, false) => ColorConversionCodes.GRAY2BGR,
            (_, true) => ColorConversionCodes.GRAY2RGB,
        };
        if (code is null)
        {
            return resized;
        }

        Cv2.CvtColor(resized, ordered, code.Value);
        return ordered;
    }
}
