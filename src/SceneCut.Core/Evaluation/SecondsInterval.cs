namespace SceneCut.Evaluation;

/// <summary>A span of time <c>[Start, End)</c> in seconds, e.g. one scene.</summary>
public readonly record struct SecondsInterval(double Start, double End);
