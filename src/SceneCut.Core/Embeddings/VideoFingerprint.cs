using System.Globalization;
using System.Security.Cryptography;

namespace SceneCut.Embeddings;

/// <summary>
/// A fingerprint of a video file's content that costs three small reads, not a pass over gigabytes: its length plus
/// a SHA-256 of its first, middle and last MiB. A re-encode, a truncated copy or an edited container changes it; a
/// rename, a move or a new modification time does not.
/// </summary>
public static class VideoFingerprint
{
    /// <summary>Bytes read at each of the three places.</summary>
    public const int ChunkBytes = 1 << 20;

    /// <summary>The fingerprint of <paramref name="path"/>, e.g. <c>v1:1189270:3f2a…</c>.</summary>
    public static string Compute(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
        var length = file.Length;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        // Small files are hashed whole; larger ones at three places (the middle catches edits the ends miss).
        long[] offsets = length <= 3L * ChunkBytes ? [0] : [0, (length / 2) - (ChunkBytes / 2), length - ChunkBytes];
        foreach (var offset in offsets)
        {
            file.Position = offset;
            int read;
            var remaining = length <= 3L * ChunkBytes ? length : ChunkBytes;
            while (remaining > 0 && (read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining))) > 0)
            {
                hash.AppendData(buffer, 0, read);
                remaining -= read;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"v1:{length}:{Convert.ToHexStringLower(hash.GetHashAndReset())[..32]}");
    }
}
