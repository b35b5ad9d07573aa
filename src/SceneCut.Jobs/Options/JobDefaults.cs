namespace SceneCut.Jobs.Options;

/// <summary>The default of every job setting in one place, so the docs, the options and the tests agree.</summary>
public static class JobDefaults
{
    /// <summary>Analysis attempts of one file before it is quarantined.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Bytes hashed from the head and from the tail of a file for its content fingerprint (1 MiB each).</summary>
    public const long HashSampleBytes = 1024 * 1024;

    /// <summary>Share of damaged frames (percent) above which a file is quarantined: 100 never quarantines for damage.</summary>
    public const double MaxDamagedFramePercent = 100;

    /// <summary>The only format written until the output writers land.</summary>
    public const string Format = "json";

    /// <summary>The ledger's file name inside the output folder when no path is configured.</summary>
    public const string LedgerFileName = ".scenecut-ledger.db";

    /// <summary>Retries of one I/O call (read, write) before the call fails.</summary>
    public const int IoRetryAttempts = 4;

    /// <summary>First I/O retry delay; it doubles each time, with jitter.</summary>
    public const double IoRetryBaseDelaySeconds = 0.5;

    /// <summary>Longest delay between two I/O retries.</summary>
    public const double IoRetryMaxDelaySeconds = 30;

    /// <summary>First delay between two analysis attempts of the same file; it doubles each time, with jitter.</summary>
    public const double AttemptBaseDelaySeconds = 2;

    /// <summary>Time allowed for any file, on top of the per-second allowance.</summary>
    public const double TimeoutBaseSeconds = 60;

    /// <summary>Analysis seconds allowed per second of video (decode runs many times faster than real time).</summary>
    public const double TimeoutSecondsPerMediaSecond = 2;

    /// <summary>Upper bound of the per-file timeout (6 hours).</summary>
    public const double TimeoutMaxSeconds = 6 * 3600;

    /// <summary>Share of failed output writes in the sampling window that opens the output circuit.</summary>
    public const double BreakerFailureRatio = 0.5;

    /// <summary>Output writes in the sampling window before the breaker may open.</summary>
    public const int BreakerMinimumThroughput = 4;

    /// <summary>Window over which the breaker counts output failures.</summary>
    public const double BreakerSamplingSeconds = 30;

    /// <summary>How long the output circuit stays open before one trial write.</summary>
    public const double BreakerBreakSeconds = 15;
}
