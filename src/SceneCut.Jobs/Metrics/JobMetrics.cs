using System.Diagnostics.Metrics;

namespace SceneCut.Jobs.Metrics;

/// <summary>
/// The jobs' instruments on the <c>SceneCut.Jobs</c> meter (readable with <c>dotnet-counters monitor -n scenecut-worker
/// --counters SceneCut.Jobs</c> or any OpenTelemetry exporter).
/// </summary>
public sealed class JobMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "SceneCut.Jobs";

    private readonly Counter<long> _done;
    private readonly Counter<long> _failedAttempts;
    private readonly Counter<long> _quarantined;
    private readonly Counter<long> _skipped;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _framesPerSecond;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or a meter of its own without one.</summary>
    public JobMetrics(IMeterFactory? meterFactory = null)
    {
        Meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _done = Meter.CreateCounter<long>("scenecut.jobs.files.done", "{file}", "Files analysed (or recognised as known content) with results written.");
        _failedAttempts = Meter.CreateCounter<long>("scenecut.jobs.attempts.failed", "{attempt}", "Analysis attempts that failed.");
        _quarantined = Meter.CreateCounter<long>("scenecut.jobs.files.quarantined", "{file}", "Files given up and quarantined.");
        _skipped = Meter.CreateCounter<long>("scenecut.jobs.files.skipped", "{file}", "Files already settled in the ledger.");
        _duration = Meter.CreateHistogram<double>("scenecut.jobs.duration", "s", "Time from taking a file to its outcome.");
        _framesPerSecond = Meter.CreateHistogram<double>("scenecut.jobs.frames_per_second", "{frame}/s", "Analysis speed per file.");
    }

    /// <summary>The meter, for observable instruments others add (queue depth).</summary>
    public Meter Meter { get; }

    internal void Done(double seconds, double framesPerSecond, bool analysed)
    {
        _done.Add(1);
        _duration.Record(seconds);
        if (analysed)
        {
            _framesPerSecond.Record(framesPerSecond);
        }
    }

    internal void AttemptFailed(string kind) => _failedAttempts.Add(1, new KeyValuePair<string, object?>("error", kind));

    internal void Quarantined(string kind) => _quarantined.Add(1, new KeyValuePair<string, object?>("error", kind));

    internal void Skipped() => _skipped.Add(1);
}
