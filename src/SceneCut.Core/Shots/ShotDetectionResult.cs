namespace SceneCut.Shots;

/// <summary>Everything shot detection found in one video.</summary>
/// <param name="FrameCount">Frames analysed.</param>
/// <param name="Shots">Shots in order, covering every frame.</param>
/// <param name="BlackSegments">Runs of black frames.</param>
/// <param name="Timeline">Times of every shot, transition and black-segment edge.</param>
public sealed record ShotDetectionResult(
    int FrameCount,
    IReadOnlyList<Shot> Shots,
    IReadOnlyList<BlackSegment> BlackSegments,
    FrameTimeline Timeline);
