namespace SceneCut.Jobs.Jobs;

/// <summary>The end of processing one file.</summary>
/// <param name="Input">The file.</param>
/// <param name="Kind">How it ended.</param>
/// <param name="Frames">Frames analysed (0 unless <see cref="OutcomeKind.Analysed"/>).</param>
/// <param name="Seconds">Wall-clock time spent on this file.</param>
/// <param name="Error">Why it failed or was deferred; null otherwise.</param>
/// <param name="Outputs">Result files (or the error document) for this file.</param>
public sealed record JobOutcome(JobInput Input, OutcomeKind Kind, int Frames, double Seconds, string? Error, IReadOnlyList<string> Outputs)
{
    /// <summary>True when the file has its results (now or from before).</summary>
    public bool Succeeded => Kind is OutcomeKind.Analysed or OutcomeKind.Skipped or OutcomeKind.Duplicate or OutcomeKind.Moved;
}
