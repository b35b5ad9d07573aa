using System.Buffers.Binary;

namespace SceneCut.Testing;

/// <summary>Damaged copies of MP4 files, made by our own code in a test's temp folder (never committed), seeded.</summary>
public static class Mp4Damage
{
    /// <summary>
    /// Copies an MP4 with <paramref name="flips"/> random bits flipped inside its media data (never in the index, so the
    /// file still opens and every packet still reaches the decoder), seeded.
    /// </summary>
    public static string FlipBits(string source, string destination, int flips, int seed)
    {
        var bytes = File.ReadAllBytes(source);
        var (start, length) = MediaData(bytes);
        var random = new Random(seed);
        for (var i = 0; i < flips; i++)
        {
            bytes[start + random.Next(length)] ^= (byte)(1 << random.Next(8));
        }

        File.WriteAllBytes(destination, bytes);
        return destination;
    }

    /// <summary>The payload of the top-level <c>mdat</c> box: offset and length.</summary>
    public static (int Start, int Length) MediaData(byte[] bytes)
    {
        var offset = 0L;
        while (offset + 8 <= bytes.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan((int)offset));
            var header = 8;
            if (size == 1)
            {
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan((int)offset + 8));
                header = 16;
            }
            else if (size == 0)
            {
                size = bytes.Length - offset;
            }

            if (System.Text.Encoding.ASCII.GetString(bytes, (int)offset + 4, 4) == "mdat")
            {
                return ((int)offset + header, (int)size - header);
            }

            offset += size;
        }

        throw new InvalidOperationException("no mdat box: not an MP4 file");
    }
}
