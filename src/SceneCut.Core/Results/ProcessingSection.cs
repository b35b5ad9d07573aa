namespace SceneCut.Results;

/// <summary>How the analysis ran.</summary>
/// <param name="ElapsedSeconds">Wall-clock time of the whole analysis.</param>
/// <param name="FramesPerSecond">Frames analysed per wall-clock second.</param>
/// <param name="Tool">Tool name and version, e.g. <c>scenecut 0.1.0</c>.</param>
/// <param name="Decoder">Frame source that decoded the video, e.g. <c>opencv</c>.</param>
/// <param name="Warnings">Things the reader should know (e.g. a truncated file); empty when all went well.</param>
public sealed record ProcessingSection(double ElapsedSeconds, double FramesPerSecond, string Tool, string Decoder, IReadOnlyList<string> Warnings);
