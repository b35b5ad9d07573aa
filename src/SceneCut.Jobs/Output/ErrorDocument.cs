namespace SceneCut.Jobs.Output;

/// <summary>Written beside the results in place of a result when a file is quarantined: says what failed and why.</summary>
/// <param name="SchemaVersion">Version of this document's shape (1).</param>
/// <param name="Source">The source file as it was found.</param>
/// <param name="QuarantinedTo">Where the file was moved, when quarantine moves files; otherwise null.</param>
/// <param name="Size">Source size in bytes.</param>
/// <param name="ContentHash">The content fingerprint's hash.</param>
/// <param name="Error">The kind of failure, e.g. <c>NotAVideo</c>, <c>Timeout</c>.</param>
/// <param name="Message">The last failure's message.</param>
/// <param name="Attempts">Analysis attempts made.</param>
/// <param name="QuarantinedUtc">When the file was quarantined.</param>
/// <param name="Tool">Tool name and version.</param>
public sealed record ErrorDocument(
    int SchemaVersion,
    string Source,
    string? QuarantinedTo,
    long Size,
    string ContentHash,
    string Error,
    string Message,
    int Attempts,
    DateTimeOffset QuarantinedUtc,
    string Tool)
{
    /// <summary>The version this build writes.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Suffix after the source file name.</summary>
    public const string Suffix = "scenecut.error.json";
}
