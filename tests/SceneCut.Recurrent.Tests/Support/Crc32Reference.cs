namespace SceneCut.Recurrent.Tests.Support;

/// <summary>Bit-by-bit CRC-32 (IEEE), written independently of the library's table version to reseal edited files.</summary>
internal sealed class Crc32Reference
{
    public uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The standard check value: CRC-32 of "123456789" is CBF43926.</summary>
    public const uint CheckValue = 0xCBF43926u;
}
