using Polly;

namespace SceneCut.Jobs.Resilience;

/// <summary>Values a job puts into the resilience context for the strategies to read.</summary>
public static class JobContextKeys
{
    /// <summary>The declared duration of the video being analysed, which scales the timeout.</summary>
    public static readonly ResiliencePropertyKey<double> MediaSeconds = new("scenecut.media-seconds");
}
