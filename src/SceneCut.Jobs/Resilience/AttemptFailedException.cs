namespace SceneCut.Jobs.Resilience;

/// <summary>One analysis attempt failed for a reason that may pass (timeout, unreadable for now, unexpected error).</summary>
/// <param name="kind">Short failure kind for the ledger and the error document, e.g. <c>Timeout</c>.</param>
/// <param name="message">What happened.</param>
/// <param name="canRetry">False when this was the last allowed attempt.</param>
/// <param name="inner">The original exception.</param>
public sealed class AttemptFailedException(string kind, string message, bool canRetry, Exception? inner)
    : Exception(message, inner)
{
    /// <summary>Short failure kind.</summary>
    public string Kind { get; } = kind;

    /// <summary>True when another attempt is allowed.</summary>
    public bool CanRetry { get; } = canRetry;
}
