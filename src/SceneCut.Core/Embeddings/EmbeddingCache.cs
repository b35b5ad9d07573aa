using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace SceneCut.Embeddings;

/// <summary>
/// Embeddings per video on disk, so training and evaluation embed a video once. One file per
/// <see cref="EmbeddingCacheKey"/>; each file repeats its full key and ends with a SHA-256 of everything before it, so
/// a truncated, corrupted or foreign file is detected, reported, deleted and recomputed, never trusted. Writes go to a
/// temporary file that is renamed into place, so a crash leaves the old entry or none, never half of one.
/// </summary>
public sealed class EmbeddingCache
{
    // File layout (little-endian): magic, version, key (UTF-8, length-prefixed), count, dimension,
    // count × (frame index int32, seconds float64), count × dimension float32, SHA-256 of all the preceding bytes.
    private static readonly byte[] Magic = "SCEMB"u8.ToArray();
    private const byte FormatVersion = 1;
    private const int ChecksumBytes = 32;
    private const string Extension = ".emb";

    private readonly Action<string>? warn;

    /// <param name="directory">Folder of the cache (created on first store).</param>
    /// <param name="warn">Hears about damaged or stale entries that were thrown away.</param>
    public EmbeddingCache(string directory, Action<string>? warn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        this.warn = warn;
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>The file that holds (or would hold) the entry of <paramref name="key"/>.</summary>
    public string PathFor(EmbeddingCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..40];
        return Path.Combine(Directory, name + Extension);
    }

    /// <summary>The stored embeddings of <paramref name="key"/>, or the result of <paramref name="compute"/>, stored for next time.</summary>
    public FrameEmbeddings GetOrCreate(EmbeddingCacheKey key, Func<FrameEmbeddings> compute)
    {
        ArgumentNullException.ThrowIfNull(compute);
        if (TryLoad(key, out var cached))
        {
            return cached;
        }

        var computed = compute();
        Store(key, computed);
        return computed;
    }

    /// <summary>Reads the entry of <paramref name="key"/>; false when there is none or it was damaged (then it is deleted).</summary>
    public bool TryLoad(EmbeddingCacheKey key, [NotNullWhen(true)] out FrameEmbeddings? embeddings)
    {
        embeddings = null;
        var path = PathFor(key);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        var problem = Decode(bytes, key, out var decoded);
        if (decoded is not null)
        {
            embeddings = decoded;
            return true;
        }

        warn?.Invoke($"Embedding cache entry {path} is {problem}; deleting it and embedding again.");
        TryDelete(path);
        return false;
    }

    /// <summary>Writes the entry of <paramref name="key"/> atomically (replacing any older one).</summary>
    public void Store(EmbeddingCacheKey key, FrameEmbeddings embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        embeddings.Validate();
        var path = PathFor(key);
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, Encode(key, embeddings));
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static byte[] Encode(EmbeddingCacheKey key, FrameEmbeddings embeddings)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(key.ToString());
            writer.Write(embeddings.Count);
            writer.Write(embeddings.Dimension);
            for (var i = 0; i < embeddings.Count; i++)
            {
                writer.Write(embeddings.FrameIndices[i]);
                writer.Write(embeddings.Seconds[i]);
            }

            foreach (var vector in embeddings.Vectors)
            {
                writer.Write(MemoryMarshal.AsBytes(vector.AsSpan()));
            }
        }

        stream.Write(SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        return stream.ToArray();
    }

    // Sets `embeddings` when the bytes are a sound entry for `key`; otherwise says what is wrong with them.
    private static string Decode(byte[] bytes, EmbeddingCacheKey key, out FrameEmbeddings? embeddings)
    {
        embeddings = null;
        if (bytes.Length < Magic.Length + 1 + ChecksumBytes)
        {
            return $"truncated ({bytes.Length} bytes)";
        }

        var body = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
        {
            return "damaged (checksum mismatch)";
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length), Encoding.UTF8);
            if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || reader.ReadByte() != FormatVersion)
            {
                return "not an embedding cache file of this version";
            }

            var storedKey = reader.ReadString();
            if (storedKey != key.ToString())
            {
                return "stale (made for another video, model or sampling)";
            }

            var count = reader.ReadInt32();
            var dimension = reader.ReadInt32();
            var expected = reader.BaseStream.Position + (count * 12L) + (count * (long)dimension * sizeof(float));
            if (count < 0 || dimension < 0 || expected != body.Length)
            {
                return $"inconsistent ({count} vectors of {dimension} floats do not fill {body.Length} bytes)";
            }

            var indices = new int[count];
            var seconds = new double[count];
            for (var i = 0; i < count; i++)
            {
                indices[i] = reader.ReadInt32();
                seconds[i] = reader.ReadDouble();
            }

            var vectors = new float[count][];
            for (var i = 0; i < count; i++)
            {
                vectors[i] = new float[dimension];
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(vectors[i].AsSpan()));
            }

            embeddings = new FrameEmbeddings(indices, seconds, vectors);
            return "sound";
        }
        catch (EndOfStreamException)
        {
            return "truncated";
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Another process may hold it; a later store replaces it anyway.
        }
        catch (UnauthorizedAccessException)
        {
            // Read-only cache folder: nothing to clean up we are allowed to touch.
        }
    }
}
