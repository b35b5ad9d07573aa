namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// The analysis-size BGR pictures of every frame of one video (what the detector's feature extractor sees), so
/// training can compute evidence and splice synthetic transitions without decoding again.
/// </summary>
/// <param name="Width">Picture width (the analysis width).</param>
/// <param name="Height">Picture height.</param>
/// <param name="Fps">Nominal frame rate.</param>
/// <param name="Seconds">Presentation time per frame.</param>
/// <param name="Frames">Per frame: Height × Width × 3 bytes, BGR, row-major.</param>
public sealed record CachedVideo(int Width, int Height, double Fps, double[] Seconds, byte[][] Frames);
