namespace SceneCut.Jobs.Options;

/// <summary>What happens to a source file that cannot be analysed.</summary>
public enum QuarantineMode
{
    /// <summary>Leave the file where it is; the ledger and an error document beside the results mark it.</summary>
    Mark,

    /// <summary>Also move the file into <see cref="JobOptions.QuarantineFolder"/>.</summary>
    Move,
}
