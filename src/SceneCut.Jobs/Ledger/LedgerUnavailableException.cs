namespace SceneCut.Jobs.Ledger;

/// <summary>The ledger cannot be used: held by another process, or written by a newer SceneCut.</summary>
public sealed class LedgerUnavailableException(string path, string cause, Exception? inner = null)
    : Exception($"ledger {path}: {cause}", inner);
