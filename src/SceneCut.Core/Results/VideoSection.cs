namespace SceneCut.Results;

/// <summary>The analysed video as decoded.</summary>
/// <param name="Path">The file as given.</param>
/// <param name="Fps">Nominal frame rate from the container.</param>
/// <param name="FrameCount">Frames that actually decoded (not the container's claim).</param>
/// <param name="DurationSeconds">From the first decoded frame's time to the end of the last frame.</param>
/// <param name="Width">Display width (after rotation).</param>
/// <param name="Height">Display height (after rotation).</param>
/// <param name="Codec">Video codec.</param>
/// <param name="RotationDegrees">Rotation metadata that was applied.</param>
/// <param name="DecodeComplete">False when decoding stopped early (truncated or damaged file).</param>
public sealed record VideoSection(
    string Path,
    double Fps,
    int FrameCount,
    double DurationSeconds,
    int Width,
    int Height,
    string Codec,
    int RotationDegrees,
    bool DecodeComplete);
