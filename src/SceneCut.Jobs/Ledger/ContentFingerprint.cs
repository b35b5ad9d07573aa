namespace SceneCut.Jobs.Ledger;

/// <summary>What identifies a file's content: its size, modification time and a content hash.</summary>
/// <param name="Size">Bytes.</param>
/// <param name="LastWriteUtc">Modification time; a change with the same hash and size is still the same content.</param>
/// <param name="Hash">Hex XxHash128 of the sampled content and the size (see <see cref="FileFingerprinter"/>).</param>
public sealed record ContentFingerprint(long Size, DateTime LastWriteUtc, string Hash);
