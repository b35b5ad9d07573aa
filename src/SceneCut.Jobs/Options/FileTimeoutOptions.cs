using System.ComponentModel.DataAnnotations;

namespace SceneCut.Jobs.Options;

/// <summary>
/// Time allowed for one analysis attempt: <c>min(MaxSeconds, BaseSeconds + SecondsPerMediaSecond × duration)</c>,
/// where the duration is what the container declares.
/// </summary>
public sealed class FileTimeoutOptions
{
    /// <summary>Seconds allowed for any file. Default: 60.</summary>
    [Range(1.0, 86400.0)]
    public double BaseSeconds { get; set; } = JobDefaults.TimeoutBaseSeconds;

    /// <summary>Extra seconds per second of video. Default: 2.</summary>
    [Range(0.0, 1000.0)]
    public double SecondsPerMediaSecond { get; set; } = JobDefaults.TimeoutSecondsPerMediaSecond;

    /// <summary>Upper bound in seconds. Default: 21600 (6 hours).</summary>
    [Range(1.0, 604800.0)]
    public double MaxSeconds { get; set; } = JobDefaults.TimeoutMaxSeconds;

    /// <summary>The timeout for a video of <paramref name="mediaSeconds"/> seconds.</summary>
    public TimeSpan For(double mediaSeconds) =>
        TimeSpan.FromSeconds(Math.Min(MaxSeconds, BaseSeconds + (SecondsPerMediaSecond * Math.Max(0, mediaSeconds))));
}
