using OpenCvSharp;

namespace SceneCut.Scenes.Training.Photos;

/// <summary>
/// Renders one shot of a still photograph as a video frame: a 16:9 crop at some zoom and position (a pan is shown by its
/// middle frame, as detection embeds a shot by its middle frame) with its own exposure.
/// </summary>
public static class PhotoViewRenderer
{
    /// <summary>
    /// The frame of one view, <paramref name="frameSize"/> pixels (the caller disposes it). With
    /// <paramref name="wholePicture"/> the widest centred crop at unchanged exposure.
    /// </summary>
    public static Mat Render(Mat photo, Size frameSize, PhotoRecipe recipe, Random random, bool wholePicture)
    {
        ArgumentNullException.ThrowIfNull(photo);
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(random);
        var aspect = (double)frameSize.Width / frameSize.Height;
        // The widest crop of the frame's aspect that fits the photograph.
        var (baseWidth, baseHeight) = (double)photo.Width / photo.Height > aspect
            ? (photo.Height * aspect, (double)photo.Height)
            : (photo.Width, photo.Width / aspect);
        // Zoom is spread evenly on a log scale: 1→1.25 is as large a step as 2→2.5.
        var zoom = wholePicture ? 1.0 : Math.Exp(random.NextDouble() * Math.Log(recipe.MaxZoom));
        var width = Math.Max(1, (int)Math.Round(baseWidth / zoom));
        var height = Math.Max(1, (int)Math.Round(baseHeight / zoom));
        var x = wholePicture ? (photo.Width - width) / 2 : random.Next(photo.Width - width + 1);
        var y = wholePicture ? (photo.Height - height) / 2 : random.Next(photo.Height - height + 1);

        using var crop = new Mat(photo, new Rect(x, y, width, height));
        var frame = new Mat();
        Cv2.Resize(crop, frame, frameSize, interpolation: InterpolationFlags.Area);
        if (!wholePicture)
        {
            // Exposure: a gain in [1/MaxGain, MaxGain] (even on a log scale) and an offset, saturating at 0 and 255.
            var gain = Math.Exp(((random.NextDouble() * 2) - 1) * Math.Log(recipe.MaxGain));
            var offset = ((random.NextDouble() * 2) - 1) * recipe.MaxOffset;
            frame.ConvertTo(frame, MatType.CV_8UC3, gain, offset);
        }

        return frame;
    }
}
