using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;
using SceneCut.Recurrent.Modes;

namespace SceneCut.Recurrent.Onnx;

/// <summary>
/// Exports to the standard ONNX <c>RNN</c>, <c>LSTM</c> and <c>GRU</c> operators so any ONNX runtime can run a
/// trained model. The graph takes <c>input</c> (B, T, I) float and <c>sequence_lens</c> (B) int32, and gives
/// <c>output</c> (B, T, D·H), <c>final_h</c> (L·D, B, H) and, for LSTM, <c>final_c</c>; a many-to-many model
/// adds <c>scores</c> (B, T, O) after its head (MatMul, Add, then Sigmoid or Softmax).
/// The operators are seq-first (layout 0), so the graph transposes in and out around them.
/// </summary>
public static class OnnxExporter
{
    /// <summary>Names of the graph's inputs and outputs.</summary>
    public const string InputName = "input";
    public const string LengthsName = "sequence_lens";
    public const string OutputName = "output";
    public const string FinalHName = "final_h";
    public const string FinalCName = "final_c";
    public const string ScoresName = "scores";

    public static void Export(RecurrentStack stack, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(stream);
        var graph = new OnnxGraph();
        AddStack(graph, stack);
        stream.Write(graph.ToModel("scenecut_recurrent", "SceneCut.Recurrent"));
    }

    public static void Export(ManyToManyModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var graph = new OnnxGraph();
        AddStack(graph, model.Stack);
        LinearHead head = model.Head;
        graph.Initializer("head_W", head.W.Value, head.InputSize, head.OutputSize);
        graph.Initializer("head_b", head.B.Value, head.OutputSize);
        graph.Node("MatMul", [OutputName, "head_W"], ["head_xw"]);
        graph.Node("Add", ["head_xw", "head_b"], ["head_logits"]);
        switch (model.Options.Output)
        {
            case OutputKind.Binary:
                graph.Node("Sigmoid", ["head_logits"], [ScoresName]);
                break;
            case OutputKind.Classes:
                graph.Node("Softmax", ["head_logits"], [ScoresName], ("axis", -1L));
                break;
            default:
                graph.Node("Identity", ["head_logits"], [ScoresName]);
                break;
        }

        graph.Output(ScoresName, OnnxGraph.Float, "B", "T", head.OutputSize);
        stream.Write(graph.ToModel("scenecut_many_to_many", "SceneCut.Recurrent"));
    }

    private static void AddStack(OnnxGraph graph, RecurrentStack stack)
    {
        RecurrentOptions o = stack.Options;
        int H = o.HiddenSize, D = o.Directions;
        graph.Input(InputName, OnnxGraph.Float, "B", "T", o.InputSize);
        graph.Input(LengthsName, OnnxGraph.Int32, "B");
        graph.Initializer("flatten_directions", [0L, 0L, -1L], 3);

        (string op, string[] gates) = o.Cell switch
        {
            // ONNX gate orders: LSTM [i o f c], GRU [z r h], RNN [h]; ours are named i f g o, z r n, h.
            CellType.Lstm => ("LSTM", new[] { "i", "o", "f", "g" }),
            CellType.Gru => ("GRU", new[] { "z", "r", "n" }),
            _ => ("RNN", new[] { "h" }),
        };

        graph.Node("Transpose", [InputName], ["x_l0"], ("perm", new long[] { 1, 0, 2 }));
        var finalH = new List<string>();
        var finalC = new List<string>();
        for (int l = 0; l < o.Layers; l++)
        {
            int inputSize = l == 0 ? o.InputSize : o.OutputSize;
            int G = gates.Length;
            var w = new float[D * G * H * inputSize]; // (D, G·H, I)
            var r = new float[D * G * H * H]; // (D, G·H, H)
            var b = new float[D * 2 * G * H]; // (D, 2·G·H): [Wb, Rb]
            for (int d = 0; d < D; d++)
            {
                for (int g = 0; g < G; g++)
                {
                    GateWeights gate = stack.GetGate(l, d, gates[g]);
                    gate.InputWeights.CopyTo(w, (d * G + g) * H * inputSize);
                    gate.HiddenWeights.CopyTo(r, (d * G + g) * H * H);
                    gate.InputBias.CopyTo(b, d * 2 * G * H + g * H);
                    gate.HiddenBias.CopyTo(b, d * 2 * G * H + G * H + g * H);
                }
            }

            graph.Initializer($"W_l{l}", w, D, G * H, inputSize);
            graph.Initializer($"R_l{l}", r, D, G * H, H);
            graph.Initializer($"B_l{l}", b, D, 2 * G * H);
            var attributes = new List<(string, object)>
            {
                ("hidden_size", (long)H),
                ("direction", D == 2 ? "bidirectional" : "forward"),
            };
            if (o.Cell == CellType.Gru)
            {
                // The reset gate multiplies (W_hn h + b_hn), as in our GruCell, PyTorch and cuDNN.
                attributes.Add(("linear_before_reset", 1L));
            }

            string[] outputs = o.Cell == CellType.Lstm
                ? [$"y_l{l}", $"yh_l{l}", $"yc_l{l}"]
                : [$"y_l{l}", $"yh_l{l}"];
            graph.Node(op, [$"x_l{l}", $"W_l{l}", $"R_l{l}", $"B_l{l}", LengthsName], outputs, [.. attributes]);
            finalH.Add($"yh_l{l}");
            finalC.Add($"yc_l{l}");

            // Y is (T, D, B, H); the next layer and the output want (T, B, D·H).
            graph.Node("Transpose", [$"y_l{l}"], [$"yt_l{l}"], ("perm", new long[] { 0, 2, 1, 3 }));
            graph.Node("Reshape", [$"yt_l{l}", "flatten_directions"], [$"x_l{l + 1}"]);
        }

        graph.Node("Transpose", [$"x_l{o.Layers}"], [OutputName], ("perm", new long[] { 1, 0, 2 }));
        graph.Node("Concat", [.. finalH], [FinalHName], ("axis", 0L));
        graph.Output(OutputName, OnnxGraph.Float, "B", "T", o.OutputSize);
        graph.Output(FinalHName, OnnxGraph.Float, o.Layers * D, "B", H);
        if (o.Cell == CellType.Lstm)
        {
            graph.Node("Concat", [.. finalC], [FinalCName], ("axis", 0L));
            graph.Output(FinalCName, OnnxGraph.Float, o.Layers * D, "B", H);
        }
    }
}
