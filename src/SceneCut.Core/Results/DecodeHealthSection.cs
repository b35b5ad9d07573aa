namespace SceneCut.Results;

/// <summary>How much of the video decoded with errors, summed over <see cref="ProcessingSection.DamagedFrames"/>.</summary>
/// <param name="DamageDetectable">
/// False when the decoder cannot tell damaged frames from clean ones (OpenCV hides FFmpeg's errors): the counts are then
/// 0 because nothing could be seen, not because the file is clean.
/// </param>
/// <param name="DamagedFrameCount">Frames inside damaged ranges.</param>
/// <param name="DamagedShare">Damaged frames over decoded frames, in <c>[0, 1]</c>.</param>
/// <param name="DamagedRanges">Number of damaged ranges.</param>
/// <param name="Errors">Error events over the whole file.</param>
public sealed record DecodeHealthSection(bool DamageDetectable, int DamagedFrameCount, double DamagedShare, int DamagedRanges, int Errors);
