namespace SceneCut.Output.Html;

/// <summary>Small JPEG frames of the analysed video for the HTML report. A reader of the video, not of detection.</summary>
public interface IThumbnailSource
{
    /// <summary>
    /// JPEGs <paramref name="width"/> pixels wide of the 0-based <paramref name="frames"/> that could be read; a frame
    /// that could not be read is simply missing from the answer.
    /// </summary>
    Task<IReadOnlyDictionary<int, byte[]>> GetJpegsAsync(IReadOnlyCollection<int> frames, int width, int quality, CancellationToken cancellationToken);
}
