namespace SceneCut.Video;

/// <summary>What <c>ffprobe</c> says about the first video stream, beyond <see cref="VideoInfo"/>.</summary>
/// <param name="Info">Container facts in the same shape (and with the same rules) as OpenCV's source reports them.</param>
/// <param name="StartSeconds">
/// The video stream's start time. Frame times are measured from it, as OpenCV measures them, so both sources give the
/// same times even when another stream (audio) starts earlier.
/// </param>
/// <param name="TimeBaseNumerator">Stream time base numerator (timestamps are integers in this unit).</param>
/// <param name="TimeBaseDenominator">Stream time base denominator.</param>
public sealed record FfmpegStreamInfo(VideoInfo Info, double StartSeconds, long TimeBaseNumerator, long TimeBaseDenominator);
