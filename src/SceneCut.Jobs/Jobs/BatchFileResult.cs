namespace SceneCut.Jobs.Jobs;

/// <summary>One file's line in the batch summary file.</summary>
/// <param name="Source">The source path.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Frames">Frames analysed in this run.</param>
/// <param name="Seconds">Time spent in this run.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Outputs">Result files or the error document.</param>
public sealed record BatchFileResult(string Source, OutcomeKind Outcome, int Frames, double Seconds, string? Error, IReadOnlyList<string> Outputs);
