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
/// An ensemble of many-to-many models becomes one graph: every member reads the same inputs under its own name prefix
/// (<c>m0_</c>, <c>m1_</c>, …) and an ONNX <c>Mean</c> node averages their scores into <c>scores</c>, the only output.
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
        AddInputs(graph, stack.Options.InputSize);
        AddStack(graph, stack, prefix: "", declareOutputs: true);
        stream.Write(graph.ToModel("scenecut_recurrent", "SceneCut.Recurrent"));
    }

    public static void Export(ManyToManyModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var graph = new OnnxGraph();
        AddInputs(graph, model.Options.InputSize);
        AddStack(graph, model.Stack, prefix: "", declareOutputs: true);
        AddHead(graph, model, prefix: "", ScoresName);
        graph.Output(ScoresName, OnnxGraph.Float, "B", "T", model.Head.OutputSize);
        stream.Write(graph.ToModel("scenecut_many_to_many", "SceneCut.Recurrent"));
    }

    /// <summary>
    /// One graph for an ensemble: each member's stack and head under the prefix <c>m{k}_</c>, all on the shared
    /// <c>input</c> and <c>sequence_lens</c>, and <c>scores</c> = Mean of the members' scores. A single member gives the
    /// same graph as <see cref="Export(ManyToManyModel, Stream)"/>.
    /// </summary>
    public static void Export(IReadOnlyList<ManyToManyModel> members, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(members.Count, 1);
        if (members.Count == 1)
        {
            Export(members[0], stream);
            return;
        }

        ManyToManyModel first = members[0];
        if (members.Any(m => m.Options.InputSize != first.Options.InputSize || m.Options.OutputSize != first.Options.OutputSize))
        {
            throw new ArgumentException("Every member of an ensemble must share the input and output sizes.", nameof(members));
        }

        var graph = new OnnxGraph();
        AddInputs(graph, first.Options.InputSize);
        var scores = new List<string>();
        for (int m = 0; m < members.Count; m++)
        {
            string prefix = $"m{m}_";
            AddStack(graph, members[m].Stack, prefix, declareOutputs: false);
            AddHead(graph, members[m], prefix, prefix + ScoresName);
            scores.Add(prefix + ScoresName);
        }

        // The average of probabilities (after each sigmoid), exactly what the ensemble computes in our core.
        graph.Node("Mean", [.. scores], [ScoresName]);
        graph.Output(ScoresName, OnnxGraph.Float, "B", "T", first.Head.OutputSize);
        stream.Write(graph.ToModel("scenecut_many_to_many_ensemble", "SceneCut.Recurrent"));
    }

    private static void AddInputs(OnnxGraph graph, int inputSize)
    {
        graph.Input(InputName, OnnxGraph.Float, "B", "T", inputSize);
        graph.Input(LengthsName, OnnxGraph.Int32, "B");
    }

    // The model's head on the stack's output `{prefix}output`: MatMul, Add, then the output activation into `scores`.
    private static void AddHead(OnnxGraph graph, ManyToManyModel model, string prefix, string scores)
    {
        LinearHead head = model.Head;
        graph.Initializer(prefix + "head_W", head.W.Value, head.InputSize, head.OutputSize);
        graph.Initializer(prefix + "head_b", head.B.Value, head.OutputSize);
        graph.Node("MatMul", [prefix + OutputName, prefix + "head_W"], [prefix + "head_xw"]);
        graph.Node("Add", [prefix + "head_xw", prefix + "head_b"], [prefix + "head_logits"]);
        switch (model.Options.Output)
        {
            case OutputKind.Binary:
                graph.Node("Sigmoid", [prefix + "head_logits"], [scores]);
                break;
            case OutputKind.Classes:
                graph.Node("Softmax", [prefix + "head_logits"], [scores], ("axis", -1L));
                break;
            default:
                graph.Node("Identity", [prefix + "head_logits"], [scores]);
                break;
        }
    }

    // The stack's nodes and weights, every name under `prefix`, reading the shared inputs; with declareOutputs its
    // output and final states become graph outputs (an ensemble's members only feed the mean).
    private static void AddStack(OnnxGraph graph, RecurrentStack stack, string prefix, bool declareOutputs)
    {
        RecurrentOptions o = stack.Options;
        int H = o.HiddenSize, D = o.Directions;
        string flatten = prefix + "flatten_directions";
        graph.Initializer(flatten, [0L, 0L, -1L], 3);

        (string op, string[] gates) = o.Cell switch
        {
            // ONNX gate orders: LSTM [i o f c], GRU [z r h], RNN [h]; ours are named i f g o, z r n, h.
            CellType.Lstm => ("LSTM", new[] { "i", "o", "f", "g" }),
            CellType.Gru => ("GRU", new[] { "z", "r", "n" }),
            _ => ("RNN", new[] { "h" }),
        };

        graph.Node("Transpose", [InputName], [$"{prefix}x_l0"], ("perm", new long[] { 1, 0, 2 }));
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

            graph.Initializer($"{prefix}W_l{l}", w, D, G * H, inputSize);
            graph.Initializer($"{prefix}R_l{l}", r, D, G * H, H);
            graph.Initializer($"{prefix}B_l{l}", b, D, 2 * G * H);
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
                ? [$"{prefix}y_l{l}", $"{prefix}yh_l{l}", $"{prefix}yc_l{l}"]
                : [$"{prefix}y_l{l}", $"{prefix}yh_l{l}"];
            graph.Node(op, [$"{prefix}x_l{l}", $"{prefix}W_l{l}", $"{prefix}R_l{l}", $"{prefix}B_l{l}", LengthsName], outputs, [.. attributes]);
            finalH.Add($"{prefix}yh_l{l}");
            finalC.Add($"{prefix}yc_l{l}");

            // Y is (T, D, B, H); the next layer and the output want (T, B, D·H).
            graph.Node("Transpose", [$"{prefix}y_l{l}"], [$"{prefix}yt_l{l}"], ("perm", new long[] { 0, 2, 1, 3 }));
            graph.Node("Reshape", [$"{prefix}yt_l{l}", flatten], [$"{prefix}x_l{l + 1}"]);
        }

        graph.Node("Transpose", [$"{prefix}x_l{o.Layers}"], [prefix + OutputName], ("perm", new long[] { 1, 0, 2 }));
        if (!declareOutputs)
        {
            return;
        }

        graph.Node("Concat", [.. finalH], [prefix + FinalHName], ("axis", 0L));
        graph.Output(prefix + OutputName, OnnxGraph.Float, "B", "T", o.OutputSize);
        graph.Output(prefix + FinalHName, OnnxGraph.Float, o.Layers * D, "B", H);
        if (o.Cell == CellType.Lstm)
        {
            graph.Node("Concat", [.. finalC], [prefix + FinalCName], ("axis", 0L));
            graph.Output(prefix + FinalCName, OnnxGraph.Float, o.Layers * D, "B", H);
        }
    }
}
