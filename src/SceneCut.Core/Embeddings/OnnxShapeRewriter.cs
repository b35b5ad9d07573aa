using System.Buffers;
using System.Text;

namespace SceneCut.Embeddings;

/// <summary>
/// Edits the shapes of an image CNN's ONNX protobuf bytes in memory before the session is created (the file on disk is
/// never touched). ONNX Runtime's free-dimension overrides only apply to dimensions that are already symbolic, so a
/// fixed dimension has to become a name first.
/// <list type="bullet">
/// <item><see cref="MakeBatchSymbolic"/>: a model exported with a fixed batch of 1 accepts any batch.</item>
/// <item><see cref="SetImageSize"/>: a model exported at a fixed picture size (ResNet18 at 224×224) runs at another
/// size, so the CNN can look at smaller pictures for a fraction of the CPU.</item>
/// </list>
/// Both drop the graph's <c>value_info</c> (intermediate shapes the exporter wrote down for the old shape) so ONNX
/// Runtime infers them again. Batching is only correct for graphs whose operators treat the batch independently (no
/// Reshape to a literal 1); the embedder therefore proves batch and single runs agree at start-up before trusting it.
/// </summary>
internal static class OnnxShapeRewriter
{
    /// <summary>The name given to the batch dimension.</summary>
    public const string BatchDimensionName = "N";

    // Field numbers from onnx.proto (ModelProto → GraphProto → ValueInfoProto → TypeProto → Tensor → TensorShapeProto,
    // and GraphProto → NodeProto).
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int GraphInput = 11;
    private const int GraphOutput = 12;
    private const int GraphValueInfo = 13;
    private const int NodeOutput = 2;
    private const int NodeOpType = 4;
    private const int NodeAttribute = 5;
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
        var result = RewriteGraph(model, (graphField, value, graphWriter) =>
        {
            switch (graphField)
            {
                case GraphValueInfo:
                    // Dropped: every entry says batch 1; ONNX Runtime re-infers them from the new input shape.
                    changed = true;
                    return true;
                case GraphInput or GraphOutput when NameOf(value) == (graphField == GraphInput ? inputName : outputName):
                    var rewritten = RewriteDims(value, (index, size) => index == 0 && size == 1 ? SymbolicDim(BatchDimensionName) : null);
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
        return changed ? result : null;
    }

    /// <summary>
    /// The model with the picture of <paramref name="inputName"/> fixed at <paramref name="height"/> ×
    /// <paramref name="width"/> instead of its exported size. Fixed rather than symbolic, so ONNX Runtime checks at load
    /// that every layer fits the new size (a ResNet's strides need a multiple of 32). That is only sound for a CNN whose
    /// picture size disappears in a global average at the end: the node that produces <paramref name="outputName"/>
    /// must be an <c>AveragePool</c> over the whole last feature map (its output 1×1), which becomes a
    /// <c>GlobalAveragePool</c> — the same numbers at the exported size, and still the mean of the map at any other. A model already ending in <c>GlobalAveragePool</c> needs no node change.
    /// </summary>
    /// <param name="model">The ONNX model's bytes.</param>
    /// <param name="inputName">The image input.</param>
    /// <param name="outputName">The feature output.</param>
    /// <param name="layout">Where height and width are in the input.</param>
    /// <param name="height">The new picture height.</param>
    /// <param name="width">The new picture width.</param>
    /// <param name="reason">Why the model cannot be resized, when it returns null.</param>
    /// <returns>The rewritten bytes, or null when the model cannot be resized.</returns>
    /// <exception cref="InvalidDataException">The bytes are not a protobuf-encoded ONNX model.</exception>
    public static byte[]? SetImageSize(ReadOnlySpan<byte> model, string inputName, string outputName, TensorLayout layout, int height, int width, out string? reason)
    {
        var (heightIndex, widthIndex) = layout == TensorLayout.Nchw ? (2, 3) : (1, 2);
        string? producer = null;
        var outputIsOneByOne = false;
        var result = RewriteGraph(model, (graphField, value, graphWriter) =>
        {
            switch (graphField)
            {
                case GraphValueInfo:
                    // Dropped: every entry holds the exported picture size; ONNX Runtime re-infers them.
                    return true;
                case GraphInput when NameOf(value) == inputName:
                    var sized = RewriteDims(value, (index, _) => index == heightIndex ? FixedDim(height) : index == widthIndex ? FixedDim(width) : null);
                    WriteLengthDelimited(graphWriter, graphField, sized ?? value.ToArray());
                    return true;
                case GraphOutput when NameOf(value) == outputName:
                    var dims = FixedDims(value);
                    outputIsOneByOne = dims.Count == 4 && (layout == TensorLayout.Nchw ? dims[2] == 1 && dims[3] == 1 : dims[1] == 1 && dims[2] == 1);
                    return false;
                case GraphNode when NodeOutputs(value).Contains(outputName):
                    producer = OpTypeOf(value);
                    if (producer != "AveragePool")
                    {
                        return false;
                    }

                    // Same inputs, outputs and name; the op type becomes the global one and the kernel attributes go.
                    WriteLengthDelimited(graphWriter, graphField, RewriteMessage(value, (nodeField, _, nodeWriter) =>
                    {
                        switch (nodeField)
                        {
                            case NodeAttribute:
                                return true;
                            case NodeOpType:
                                WriteLengthDelimited(nodeWriter, NodeOpType, "GlobalAveragePool"u8);
                                return true;
                            default:
                                return false;
                        }
                    }));
                    return true;
                default:
                    return false;
            }
        });

        reason = producer switch
        {
            null => $"no node produces the output '{outputName}'",
            "GlobalAveragePool" => null,
            "AveragePool" when outputIsOneByOne => null,
            "AveragePool" => $"its output '{outputName}' comes from an AveragePool that does not reduce the feature map to 1×1",
            _ => $"its output '{outputName}' comes from {producer}, not from a global average pool that would absorb another picture size",
        };
        return reason is null ? result : null;
    }

    // Rewrites the graph of a model, offering each length-delimited graph field to the rewriter. The graph is nearly the
    // whole file (ResNet18's weights are 45 MB of it): it is rewritten into one buffer and the model assembled around it
    // in one final array, rather than copied once per protobuf level (that held ~250 MB at every start).
    private static byte[] RewriteGraph(ReadOnlySpan<byte> model, FieldRewriter rewriter)
    {
        var position = 0;
        while (position < model.Length)
        {
            var start = position;
            var (field, wire) = ReadTag(model, ref position);
            if (wire != WireLengthDelimited)
            {
                SkipValue(model, ref position, wire);
                continue;
            }

            var length = ReadLength(model, ref position);
            if (field != ModelGraph)
            {
                position += length;
                continue;
            }

            var graph = new ArrayBufferWriter<byte>(length + 64);
            RewriteMessageInto(model.Slice(position, length), rewriter, graph);
            var header = new ArrayBufferWriter<byte>(16);
            WriteVarint(header, ((ulong)ModelGraph << 3) | WireLengthDelimited);
            WriteVarint(header, (ulong)graph.WrittenCount);
            var end = position + length;
            var result = new byte[start + header.WrittenCount + graph.WrittenCount + (model.Length - end)];
            var output = result.AsSpan();
            model[..start].CopyTo(output);
            header.WrittenSpan.CopyTo(output[start..]);
            graph.WrittenSpan.CopyTo(output[(start + header.WrittenCount)..]);
            model[end..].CopyTo(output[(start + header.WrittenCount + graph.WrittenCount)..]);
            return result;
        }

        // No graph: nothing to rewrite (the callers report that nothing changed).
        return model.ToArray();
    }

    // ValueInfoProto → type → tensor_type → shape → dims: each fixed dim for which newDim (given its position and size)
    // gives a replacement gets it (a dim that is already symbolic stays as it is); null when no dim changed.
    private static byte[]? RewriteDims(ReadOnlySpan<byte> valueInfo, Func<int, long, byte[]?> newDim)
    {
        var found = false;
        var result = RewriteShape(valueInfo, (shapeField, dim, shapeWriter, index) =>
        {
            if (FixedValue(dim) is not { } size || newDim(index, size) is not { } replacement)
            {
                return false;
            }

            found = true;
            WriteLengthDelimited(shapeWriter, shapeField, replacement);
            return true;
        });
        return found ? result : null;
    }

    private static byte[] SymbolicDim(string name)
    {
        var dim = new ArrayBufferWriter<byte>();
        WriteLengthDelimited(dim, DimParam, Encoding.UTF8.GetBytes(name));
        return dim.WrittenSpan.ToArray();
    }

    private static byte[] FixedDim(long value)
    {
        var dim = new ArrayBufferWriter<byte>();
        WriteVarint(dim, ((ulong)DimValue << 3) | WireVarint);
        WriteVarint(dim, (ulong)value);
        return dim.WrittenSpan.ToArray();
    }

    // The dims of a ValueInfoProto's tensor shape: the fixed value, or -1 for a symbolic or unknown one.
    private static List<long> FixedDims(ReadOnlySpan<byte> valueInfo)
    {
        var dims = new List<long>();
        RewriteShape(valueInfo, (_, dim, _, _) =>
        {
            dims.Add(FixedValue(dim) ?? -1);
            return false;
        });
        return dims;
    }

    /// <summary>Handles one dim of a shape (its position in <c>index</c>): write a replacement and return true, or false to copy it.</summary>
    private delegate bool DimRewriter(int field, ReadOnlySpan<byte> dim, ArrayBufferWriter<byte> writer, int index);

    private static byte[] RewriteShape(ReadOnlySpan<byte> valueInfo, DimRewriter rewriter) =>
        RewriteMessage(valueInfo, (field, type, writer) =>
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

                    var index = 0;
                    WriteLengthDelimited(tensorWriter, tensorField, RewriteMessage(shape, (shapeField, dim, shapeWriter) =>
                        shapeField == ShapeDim && rewriter(shapeField, dim, shapeWriter, index++)));
                    return true;
                }));
                return true;
            }));
            return true;
        });

    private static long? FixedValue(ReadOnlySpan<byte> dimension)
    {
        var position = 0;
        while (position < dimension.Length)
        {
            var (field, wire) = ReadTag(dimension, ref position);
            if (field == DimValue && wire == WireVarint)
            {
                return (long)ReadVarint(dimension, ref position);
            }

            SkipValue(dimension, ref position, wire);
        }

        return null;
    }

    private static List<string> NodeOutputs(ReadOnlySpan<byte> node) => Strings(node, NodeOutput);

    private static string? OpTypeOf(ReadOnlySpan<byte> node) => Strings(node, NodeOpType).FirstOrDefault();

    private static string? NameOf(ReadOnlySpan<byte> valueInfo) => Strings(valueInfo, ValueInfoName).FirstOrDefault();

    // Every string value of one field of a message.
    private static List<string> Strings(ReadOnlySpan<byte> message, int wanted)
    {
        var values = new List<string>();
        var position = 0;
        while (position < message.Length)
        {
            var (field, wire) = ReadTag(message, ref position);
            if (field == wanted && wire == WireLengthDelimited)
            {
                var length = ReadLength(message, ref position);
                values.Add(Encoding.UTF8.GetString(message.Slice(position, length)));
                position += length;
                continue;
            }

            SkipValue(message, ref position, wire);
        }

        return values;
    }

    /// <summary>Handles one length-delimited field: write a replacement (or nothing) and return true, or false to copy it.</summary>
    private delegate bool FieldRewriter(int field, ReadOnlySpan<byte> payload, ArrayBufferWriter<byte> writer);

    // Copies a message field by field, offering each length-delimited field to the rewriter.
    private static byte[] RewriteMessage(ReadOnlySpan<byte> message, FieldRewriter rewriter)
    {
        var writer = new ArrayBufferWriter<byte>(message.Length + 64);
        RewriteMessageInto(message, rewriter, writer);
        return writer.WrittenSpan.ToArray();
    }

    private static void RewriteMessageInto(ReadOnlySpan<byte> message, FieldRewriter rewriter, ArrayBufferWriter<byte> writer)
    {
        var position = 0;
        while (position < message.Length)
        {
            var start = position;
            var (field, wire) = ReadTag(message, ref position);
            if (wire == WireLengthDelimited)
            {
                var length = ReadLength(message, ref position);
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
    }

    // The length of a length-delimited field, checked against what is left of its message.
    private static int ReadLength(ReadOnlySpan<byte> message, ref int position)
    {
        var length = checked((int)ReadVarint(message, ref position));
        if (length < 0 || position + length > message.Length)
        {
            throw new InvalidDataException("not an ONNX model: a protobuf field runs past the end of its message");
        }

        return length;
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
