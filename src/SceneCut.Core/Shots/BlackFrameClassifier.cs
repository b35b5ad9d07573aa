namespace SceneCut.Shots;

/// <summary>
/// Says whether a frame is black the way ffmpeg's <c>blackdetect</c> does: almost every pixel below a luma threshold.
/// A dark but visible scene has enough brighter pixels to pass.
/// </summary>
public sealed class BlackFrameClassifier(float pixelThreshold, float maxBrightFraction)
{
    /// <summary>True when at most <c>maxBrightFraction</c> of the pixels are brighter than <c>pixelThreshold</c>.</summary>
    public bool IsBlack(FrameFeatures frame)
    {
        // Cheap reject: a frame whose mean is above the threshold cannot be mostly below it.
        if (frame.LumaMean > pixelThreshold)
        {
            return false;
        }

        var bright = 0;
        foreach (var v in frame.Gray)
        {
            if (v > pixelThreshold)
            {
                bright++;
            }
        }

        return bright <= maxBrightFraction * frame.Gray.Length;
    }
}
