using Hangfire.Server;
using SceneCut.Scale.Options;

namespace SceneCut.Scale.Execution;

/// <summary>
/// Which run of a Hangfire job this is (from 1), and whether Hangfire gives up after it: its retry filter counts the
/// retries in the job parameter <c>RetryCount</c> and stops after <see cref="ScaleOptions.MaxAttempts"/> runs, so a job
/// that defers on its last run must record why itself — Hangfire's Failed state is all the database would hold otherwise.
/// </summary>
/// <param name="Number">This run, counted from 1.</param>
/// <param name="MaxAttempts">Runs Hangfire allows.</param>
public readonly record struct JobAttempt(int Number, int MaxAttempts)
{
    /// <summary>True on the last run Hangfire allows.</summary>
    public bool IsLast => Number >= MaxAttempts;

    /// <summary>The run under way; without a context (a direct call) the first.</summary>
    public static JobAttempt Of(PerformContext? context, ScaleOptions options) =>
        new((context?.GetJobParameter<int>("RetryCount") ?? 0) + 1, options.MaxAttempts);
}
