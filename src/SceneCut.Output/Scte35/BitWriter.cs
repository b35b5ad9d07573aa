namespace SceneCut.Output.Scte35;

/// <summary>Writes big-endian bit fields, most significant bit first, as SCTE-35's syntax tables list them.</summary>
internal sealed class BitWriter
{
    private readonly List<byte> _bytes = [];
    private int _bitsInLast = 8;

    /// <summary>Bytes written so far (whole bytes only when <see cref="IsAligned"/>).</summary>
    public int Length => _bytes.Count;

    /// <summary>True when the next field starts on a byte.</summary>
    public bool IsAligned => _bitsInLast == 8;

    /// <summary>Appends the low <paramref name="bits"/> bits of <paramref name="value"/> (1–64).</summary>
    public BitWriter Bits(int bits, ulong value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bits, 64);
        if (bits < 64 && value >> bits != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), $"{value} does not fit in {bits} bits.");
        }

        for (var i = bits - 1; i >= 0; i--)
        {
            if (_bitsInLast == 8)
            {
                _bytes.Add(0);
                _bitsInLast = 0;
            }

            var bit = (int)((value >> i) & 1);
            _bytes[^1] |= (byte)(bit << (7 - _bitsInLast));
            _bitsInLast++;
        }

        return this;
    }

    /// <summary>A one-bit flag.</summary>
    public BitWriter Flag(bool value) => Bits(1, value ? 1UL : 0UL);

    /// <summary>Reserved bits: all ones, as the standard asks.</summary>
    public BitWriter Reserved(int bits) => Bits(bits, bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);

    /// <summary>Whole bytes (the writer must be aligned).</summary>
    public BitWriter Bytes(ReadOnlySpan<byte> bytes)
    {
        if (!IsAligned)
        {
            throw new InvalidOperationException("Bytes must start on a byte boundary.");
        }

        foreach (var b in bytes)
        {
            _bytes.Add(b);
        }

        return this;
    }

    /// <summary>The bytes written (the writer must be aligned).</summary>
    public byte[] ToArray() => IsAligned ? [.. _bytes] : throw new InvalidOperationException("The fields do not end on a byte boundary.");
}
