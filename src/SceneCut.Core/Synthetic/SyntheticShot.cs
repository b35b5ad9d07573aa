namespace SceneCut.Synthetic;

/// <summary>A shot of a generated clip: a view of one procedural picture, optionally panning across it.</summary>
/// <param name="PictureSeed">Which picture (the "place").</param>
/// <param name="Frames">Length in frames.</param>
/// <param name="PanPixelsPerFrame">Horizontal camera motion, in output pixels per frame.</param>
/// <param name="FlashFrames">Frames (relative to the shot's start) replaced by a white flash, which is not a cut.</param>
public sealed record SyntheticShot(int PictureSeed, int Frames, double PanPixelsPerFrame = 0, IReadOnlyList<int>? FlashFrames = null);
