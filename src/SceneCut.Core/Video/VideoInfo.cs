namespace SceneCut.Video;

/// <summary>What the container says about a video before any frame is decoded.</summary>
/// <param name="Path">The file as given by the caller.</param>
/// <param name="Fps">Nominal frame rate from the container (informational: frame times come from the stream).</param>
/// <param name="Width">Frame width as displayed (after rotation).</param>
/// <param name="Height">Frame height as displayed (after rotation).</param>
/// <param name="DeclaredFrameCount">Frame count claimed by the container; can be wrong, so never trusted for control flow.</param>
/// <param name="DeclaredDurationSeconds">Duration implied by the declared count and rate; 0 when unknown.</param>
/// <param name="Codec">FourCC of the video codec, e.g. <c>h264</c>.</param>
/// <param name="RotationDegrees">Rotation metadata applied so frames come out as displayed.</param>
public sealed record VideoInfo(
    string Path,
    double Fps,
    int Width,
    int Height,
    int DeclaredFrameCount,
    double DeclaredDurationSeconds,
    string Codec,
    int RotationDegrees);
