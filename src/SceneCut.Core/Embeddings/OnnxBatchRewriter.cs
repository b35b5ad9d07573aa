using System.Buffers;
using System.Text;

namespace SceneCut.Embeddings;

/// <summary>
/// Makes a model exported with a fixed batch of 1 accept any batch, by editing its ONNX protobuf bytes in memory
/// before the session is created (the file on disk is never touched). ONNX Runtime's free-dimension overrides only
/// apply to dimensions that are already symbolic, so the fixed <c>1</c> has to become a name first.
/// <para>
/// What changes: the first dimension of the image input and of the feature output becomes the symbolic <c>N</c>, and
/// the graph's <c>value_info</c> (intermediate shapes the exporter wrote down, all with batch 1) is dropped so ONNX
/// Runtime infers them again. This is only correct for graphs whose operators treat the batch independently (no
/// Reshape to a literal 1); the embedder therefore proves batch and single runs agree at start-up before trusting it.
/// </para>
/// </summary>
internal static class OnnxBatchRewriter
{
    /// <summary>The name given to the batch dimension.</summary>
    public const string BatchDimensionName = "N";

    // Field numbers from onnx.proto (ModelProto → GraphProto → ValueInfoProto → TypeProto → Tensor → TensorShapeProto).
    private const int ModelGraph = 7;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphValueInfo = 13;
    private const int ValueInfoName = 1;
    private const int ValueInfoType = 2;
    private const int TypeTensor = 1;
    private const int TensorShape = 2;
    private const int ShapeDim = 1;
    private const int DimValue = 1;
    private const int DimParam = 2;

    private const int WireVarint = 0;
    private const int WireFixed64 = 1;
    private const int WireLengthDelimited = 2;
    private const int WireFixed32 = 5;

    /// <summary>
    /// The model with a symbolic batch on <paramref name="inputName"/> and <paramref name="outputName"/>, or null when
    /// neither has a fixed batch of 1 (nothing to do).
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a protobuf-encoded ONNX model.</exception>
    public static byte[]? MakeBatchSymbolic(ReadOnlySpan<byte> model, string inputName, string outputName)
    {
        var changed = false;
        var result = RewriteMessage(model, (field, payload, writer) =>
        {
            if (field != ModelGraph)
            {
                return false;
            }

            var graph = RewriteMessage(payload, (graphField, value, graphWriter) =>
            {
                switch (graphField)
                {
                    case GraphValueInfo:
                        // Dropped: every entry says batch 1; ONNX Runtime re-infers them from the new input shape.
                        changed = true;
                        return true;
                    case GraphInput or GraphOutput when NameOf(value) == (graphField == GraphInput ? inputName : outputName):
                        var rewritten = RewriteFirstDim(value);
                        if (rewritten is null)
                        {
                            return false;
                        }

                        changed = true;
                        WriteLengthDelimited(graphWriter, graphField, rewritten);
                        return true;
                    default:
                        return false;
                }
            });
            WriteLengthDelimited(writer, ModelGraph, graph);
            return true;
        });
        return changed ? result : null;
    }

    // ValueInfoProto → type → tensor_type → shape → first dim: 1 becomes the symbolic N; null when it is not a fixed 1.
    private static byte[]? RewriteFirstDim(ReadOnlySpan<byte> valueInfo)
    {
        var found = false;
        var result = RewriteMessage(valueInfo, (field, type, writer) =>
        {
            if (field != ValueInfoType)
            {
                return false;
            }

            WriteLengthDelimited(writer, field, RewriteMessage(type, (typeField, tensor, typeWriter) =>
            {
                if (typeField != TypeTensor)
                {
                    return false;
                }

                WriteLengthDelimited(typeWriter, typeField, RewriteMessage(tensor, (tensorField, shape, tensorWriter) =>
                {
                    if (tensorField != TensorShape)
                    {
                        return false;
                    }

                    var first = true;
                    WriteLengthDelimited(tensorWriter, tensorField, RewriteMessage(shape, (shapeField, dim, shapeWriter) =>
                    {
                        if (shapeField != ShapeDim || !first)
                        {
                            return false;
                        }

                        first = false;
                        if (!IsFixedOne(dim))
                        {
                            return false;
                        }

                        found = true;
                        var symbolic = new ArrayBufferWriter<byte>();
                        WriteLengthDelimited(symbolic, DimParam, Encoding.UTF8.GetBytes(BatchDimensionName));
                        WriteLengthDelimited(shapeWriter, shapeField, symbolic.WrittenSpan);
                        return true;
                    }));
                    return true;
                }));
                return true;
            }));
            return true;
        });
        return found ? result : null;
    }

    private static bool IsFixedOne(ReadOnlySpan<byte> dimension)
    {
        var position = 0;
        while (position < dimension.Length)
        {
            var (field, wire) = ReadTag(dimension, ref position);
            if (field == DimValue && wire == WireVarint)
            {
                return ReadVarint(dimension, ref position) == 1;
            }

            SkipValue(dimension, ref position, wire);
        }

        return false;
    }

    private static string? NameOf(ReadOnlySpan<byte> valueInfo)
    {
        var position = 0;
        while (position < valueInfo.Length)
        {
            var (field, wire) = ReadTag(valueInfo, ref position);
            if (field == ValueInfoName && wire == WireLengthDelimited)
            {
                var length = checked((int)ReadVarint(valueInfo, ref position));
                return Encoding.UTF8.GetString(valueInfo.Slice(position, length));
            }

            SkipValue(valueInfo, ref position, wire);
        }

        return null;
    }

    /// <summary>Handles one length-delimited field: write a replacement (or nothing) and return true, or false to copy it.</summary>
    private delegate bool FieldRewriter(int field, ReadOnlySpan<byte> payload, ArrayBufferWriter<byte> writer);

    // Copies a message field by field, offering each length-delimited field to the rewriter.
    private static byte[] RewriteMessage(ReadOnlySpan<byte> message, FieldRewriter rewriter)
    {
        var writer = new ArrayBufferWriter<byte>(message.Length + 64);
        var position = 0;
        while (position < message.Length)
        {
            var start = position;
            var (field, wire) = ReadTag(message, ref position);
            if (wire == WireLengthDelimited)
            {
                var length = checked((int)ReadVarint(message, ref position));
                if (length < 0 || position + length > message.Length)
                {
                    throw new InvalidDataException("not an ONNX model: a protobuf field runs past the end of its message");
                }

                var payload = message.Slice(position, length);
                position += length;
                if (rewriter(field, payload, writer))
                {
                    continue;
                }
            }
            else
            {
                SkipValue(message, ref position, wire);
            }

            writer.Write(message[start..position]);
        }

        return writer.WrittenSpan.ToArray();
    }

    private static void WriteLengthDelimited(ArrayBufferWriter<byte> writer, int field, ReadOnlySpan<byte> payload)
    {
        WriteVarint(writer, ((ulong)field << 3) | WireLengthDelimited);
        WriteVarint(writer, (ulong)payload.Length);
        writer.Write(payload);
    }

    private static void WriteVarint(ArrayBufferWriter<byte> writer, ulong value)
    {
        Span<byte> buffer = stackalloc byte[10];
        var count = 0;
        do
        {
            var next = (byte)(value & 0x7F);
            value >>= 7;
            buffer[count++] = value == 0 ? next : (byte)(next | 0x80);
        }
        while (value != 0);

        writer.Write(buffer[..count]);
    }

    private static (int Field, int Wire) ReadTag(ReadOnlySpan<byte> data, ref int position)
    {
        var tag = ReadVarint(data, ref position);
        return ((int)(tag >> 3), (int)(tag & 7));
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                throw new InvalidDataException("not an ONNX model: truncated protobuf varint");
            }

            var b = data[position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new InvalidDataException("not an ONNX model: protobuf varint longer than 10 bytes");
    }

    private static void SkipValue(ReadOnlySpan<byte> data, ref int position, int wire)
    {
        switch (wire)
        {
            case WireVarint:
                ReadVarint(data, ref position);
                break;
            case WireFixed64:
                position += 8;
                break;
            case WireFixed32:
                position += 4;
                break;
            case WireLengthDelimited:
                // Read the length first: `position += Read(ref position)` would add it to the position before the read.
                var length = checked((int)ReadVarint(data, ref position));
                position += length;
                break;
            default:
                throw new InvalidDataException($"not an ONNX model: unsupported protobuf wire type {wire}");
        }

        if (position > data.Length)
        {
            throw new InvalidDataException("not an ONNX model: a protobuf field runs past the end of its message");
        }
    }
}
