using System.Buffers.Binary;

namespace SceneCut.Recurrent.Serialization;

/// <summary>Reads little-endian fields and names the field when the data ends too early.</summary>
internal sealed class SpanReader(byte[] data, int position)
{
    private int _position = position;

    public bool AtEnd => _position == data.Length;

    public byte[] Bytes(int count, string field)
    {
        if (count < 0 || count > data.Length - _position)
        {
            throw new ModelFormatException($"Model file ends inside the {field} (needs {count} bytes at offset {_position}).");
        }

        byte[] result = data.AsSpan(_position, count).ToArray();
        _position += count;
        return result;
    }

    public int Int32(string field) => BinaryPrimitives.ReadInt32LittleEndian(Bytes(4, field));

    public int UInt16(string field) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes(2, field));

    public int Byte(string field) => Bytes(1, field)[0];
}
