using System.Buffers.Binary;

namespace SceneCut.Recurrent.Onnx;

/// <summary>
/// Builds an ONNX ModelProto: nodes, float/int64 initializers, typed inputs and outputs. Field numbers follow
/// onnx/onnx.proto (ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto, ValueInfoProto).
/// </summary>
internal sealed class OnnxGraph
{
    // TensorProto.DataType
    public const int Float = 1;
    public const int Int32 = 6;
    public const int Int64 = 7;

    // IR version 8 and opset 17: both well inside what ONNX Runtime 1.x loads.
    private const long IrVersion = 8;
    private const long Opset = 17;

    private readonly List<Action<ProtoWriter>> _nodes = [];
    private readonly List<Action<ProtoWriter>> _initializers = [];
    private readonly List<Action<ProtoWriter>> _inputs = [];
    private readonly List<Action<ProtoWriter>> _outputs = [];

    public void Input(string name, int elementType, params object[] dims) => _inputs.Add(w => ValueInfo(w, name, elementType, dims));

    public void Output(string name, int elementType, params object[] dims) => _outputs.Add(w => ValueInfo(w, name, elementType, dims));

    public void Initializer(string name, float[] values, params long[] dims)
    {
        var raw = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), values[i]);
        }

        _initializers.Add(w => Tensor(w, name, Float, dims, raw));
    }

    public void Initializer(string name, long[] values, params long[] dims)
    {
        var raw = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(raw.AsSpan(i * 8), values[i]);
        }

        _initializers.Add(w => Tensor(w, name, Int64, dims, raw));
    }

    /// <summary>Adds a node; attribute values may be long, float, string or long[].</summary>
    public void Node(string opType, string[] inputs, string[] outputs, params (string Name, object Value)[] attributes)
    {
        string name = $"{opType}_{_nodes.Count}";
        _nodes.Add(w =>
        {
            foreach (string input in inputs)
            {
                w.String(1, input);
            }

            foreach (string output in outputs)
            {
                w.String(2, output);
            }

            w.String(3, name);
            w.String(4, opType);
            foreach ((string attributeName, object value) in attributes)
            {
                w.Message(5, a => Attribute(a, attributeName, value));
            }
        });
    }

    public byte[] ToModel(string graphName, string producer)
    {
        var model = new ProtoWriter();
        model.Int64(1, IrVersion);
        model.String(2, producer);
        model.String(3, "1");
        model.Message(7, g =>
        {
            foreach (Action<ProtoWriter> node in _nodes)
            {
                g.Message(1, node);
            }

            g.String(2, graphName);
            foreach (Action<ProtoWriter> initializer in _initializers)
            {
                g.Message(5, initializer);
            }

            foreach (Action<ProtoWriter> input in _inputs)
            {
                g.Message(11, input);
            }

            foreach (Action<ProtoWriter> output in _outputs)
            {
                g.Message(12, output);
            }
        });
        model.Message(8, o =>
        {
            o.String(1, "");
            o.Int64(2, Opset);
        });
        return model.ToArray();
    }

    private static void Attribute(ProtoWriter w, string name, object value)
    {
        // AttributeProto: name 1, f 2, i 3, s 4, ints 8, type 20 (FLOAT 1, INT 2, STRING 3, INTS 7)
        w.String(1, name);
        switch (value)
        {
            case long i:
                w.Int64(3, i);
                w.Int64(20, 2);
                break;
            case int i:
                w.Int64(3, i);
                w.Int64(20, 2);
                break;
            case float f:
                w.Float(2, f);
                w.Int64(20, 1);
                break;
            case string s:
                w.String(4, s);
                w.Int64(20, 3);
                break;
            case long[] ints:
                foreach (long i in ints)
                {
                    w.Int64(8, i);
                }

                w.Int64(20, 7);
                break;
            default:
                throw new ArgumentException($"Unsupported attribute type {value.GetType().Name} for '{name}'.");
        }
    }

    private static void Tensor(ProtoWriter w, string name, int dataType, long[] dims, byte[] raw)
    {
        // TensorProto: dims 1, data_type 2, name 8, raw_data 9
        w.PackedInt64(1, dims);
        w.Int64(2, dataType);
        w.String(8, name);
        w.Bytes(9, raw);
    }

    private static void ValueInfo(ProtoWriter w, string name, int elementType, object[] dims)
    {
        // ValueInfoProto { name 1, type 2 { tensor_type 1 { elem_type 1, shape 2 { dim 1 { dim_value 1 | dim_param 2 } } } } }
        w.String(1, name);
        w.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Int64(1, elementType);
            tensor.Message(2, shape =>
            {
                foreach (object dim in dims)
                {
                    shape.Message(1, d =>
                    {
                        if (dim is string symbol)
                        {
                            d.String(2, symbol);
                        }
                        else
                        {
                            d.Int64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    });
                }
            });
        }));
    }
}
