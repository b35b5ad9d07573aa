namespace SceneCut.Output.Scte35;

/// <summary>Reads big-endian bit fields, most significant bit first; running past the end is a format error.</summary>
internal sealed class BitReader(ReadOnlyMemory<byte> data)
{
    private int _bit;

    /// <summary>Whole bytes read so far.</summary>
    public int Position => _bit / 8;

    /// <summary>Bytes left (rounded down).</summary>
    public int Remaining => data.Length - ((_bit + 7) / 8);

    /// <summary>The next <paramref name="bits"/> bits (1–64) as a number.</summary>
    public ulong Bits(int bits)
    {
        if (_bit + bits > data.Length * 8)
        {
            throw new FormatException($"SCTE-35 message ends inside a field (byte {_bit / 8} of {data.Length}).");
        }

        var span = data.Span;
        ulong value = 0;
        for (var i = 0; i < bits; i++, _bit++)
        {
            value = (value << 1) | (uint)((span[_bit / 8] >> (7 - (_bit % 8))) & 1);
        }

        return value;
    }

    /// <summary>A one-bit flag.</summary>
    public bool Flag() => Bits(1) == 1;

    /// <summary>Skips <paramref name="bits"/> reserved bits.</summary>
    public void Skip(int bits) => Bits(bits);

    /// <summary>The next <paramref name="count"/> whole bytes.</summary>
    public byte[] Bytes(int count)
    {
        if (_bit % 8 != 0)
        {
            throw new FormatException("SCTE-35 byte field does not start on a byte boundary.");
        }

        if (Position + count > data.Length)
        {
            throw new FormatException($"SCTE-35 message ends inside a {count}-byte field (byte {Position} of {data.Length}).");
        }

        var bytes = data.Slice(Position, count).ToArray();
        _bit += count * 8;
        return bytes;
    }
}
