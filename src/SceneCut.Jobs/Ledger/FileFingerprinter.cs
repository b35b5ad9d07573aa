using System.IO.Hashing;

namespace SceneCut.Jobs.Ledger;

/// <summary>
/// Computes a file's <see cref="ContentFingerprint"/>. The hash is XxHash128 over the size, the first and the last
/// <c>sampleBytes</c> of the file (the whole file when it is small or when <c>sampleBytes</c> is 0).
/// Why sampled: a batch re-run over a multi-terabyte archive must decide "seen it" without reading every byte again
/// over the network; video containers put their index and stream headers at the start or the end, so two different
/// videos with equal size and equal head and tail are not a realistic case, and an edit in place also changes the
/// modification time, which the path check sees first. Why XxHash128: non-cryptographic (no adversary here), about
/// memory speed, 128 bits so accidental collisions over millions of files are out of reach.
/// </summary>
public static class FileFingerprinter
{
    private const int BufferSize = 128 * 1024;

    /// <summary>Fingerprints <paramref name="path"/>.</summary>
    public static async Task<ContentFingerprint> ComputeAsync(string path, long sampleBytes, CancellationToken cancellationToken)
    {
        var info = new FileInfo(path);
        var lastWrite = info.LastWriteTimeUtc;
        var hash = new XxHash128();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true);
        var size = stream.Length;
        hash.Append(BitConverter.GetBytes(size));
        var buffer = new byte[BufferSize];
        if (sampleBytes <= 0 || size <= 2 * sampleBytes)
        {
            await AppendRangeAsync(hash, stream, 0, size, buffer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AppendRangeAsync(hash, stream, 0, sampleBytes, buffer, cancellationToken).ConfigureAwait(false);
            await AppendRangeAsync(hash, stream, size - sampleBytes, sampleBytes, buffer, cancellationToken).ConfigureAwait(false);
        }

        return new ContentFingerprint(size, lastWrite, Convert.ToHexStringLower(hash.GetCurrentHash()));
    }

    private static async Task AppendRangeAsync(XxHash128 hash, FileStream stream, long offset, long count, byte[] buffer, CancellationToken cancellationToken)
    {
        stream.Position = offset;
        var remaining = count;
        while (remaining > 0)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // The file shrank while we read it: the caller sees a size that no longer matches and tries later.
                throw new IOException($"{stream.Name}: file shrank while being fingerprinted");
            }

            hash.Append(buffer.AsSpan(0, read));
            remaining -= read;
        }
    }
}
