using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace SceneCut.Embeddings;

/// <summary>
/// The image input and feature output of a loaded model, checked against the options: everything that can be wrong
/// with a model is found here, at start-up, with a message that says what was expected and what was found.
/// </summary>
/// <param name="InputName">The image input.</param>
/// <param name="OutputName">The feature output.</param>
/// <param name="BatchDimension">The input's first dimension: 1 when fixed at one frame, -1 when symbolic.</param>
/// <param name="Dimension">Floats per frame in the output (its non-batch dimensions multiplied).</param>
/// <param name="ExportedImageSize">
/// The fixed picture size (<c>W×H</c>) of a model exported at another size than the options ask for, when
/// <see cref="Read"/> was allowed to accept that; null when the model takes the options' size as it is.
/// </param>
internal sealed record ModelShape(string InputName, string OutputName, int BatchDimension, int Dimension, string? ExportedImageSize = null)
{
    /// <summary>Reads and checks the session's metadata.</summary>
    /// <param name="session">The loaded model.</param>
    /// <param name="options">What the embedder will feed it.</param>
    /// <param name="path">The model file, for messages.</param>
    /// <param name="acceptOtherImageSize">
    /// Accept a fixed picture size other than the options' (the embedder then resizes the graph) and report it in
    /// <see cref="ExportedImageSize"/>.
    /// </param>
    /// <exception cref="EmbeddingModelException">The model does not fit the options.</exception>
    public static ModelShape Read(InferenceSession session, EmbeddingOptions options, string path, bool acceptOtherImageSize = false)
    {
        var inputs = session.InputMetadata;
        string inputName;
        if (options.InputName is not null)
        {
            inputName = inputs.ContainsKey(options.InputName)
                ? options.InputName
                : throw Error(path, $"an input named '{options.InputName}' (SceneCut:Embeddings:InputName)", $"inputs {Describe(inputs)}");
        }
        else
        {
            inputName = inputs.Count == 1
                ? inputs.Keys.First()
                : throw Error(path, "exactly one input (or set SceneCut:Embeddings:InputName)", $"{inputs.Count} inputs {Describe(inputs)}");
        }

        var input = inputs[inputName];
        var expectedInput = options.Layout == TensorLayout.Nchw
            ? $"N×3×{options.InputHeight}×{options.InputWidth}"
            : $"N×{options.InputHeight}×{options.InputWidth}×3";
        if (!input.IsTensor || input.ElementType != typeof(float) || input.Dimensions.Length != 4)
        {
            throw Error(path, $"input '{inputName}' to be a float tensor of rank 4 ({expectedInput}, layout {options.Layout})", $"{Describe(input)}");
        }

        // Fixed dimensions must match the options; symbolic ones (-1) take whatever we feed.
        int[] wanted = options.Layout == TensorLayout.Nchw
            ? [-1, 3, options.InputHeight, options.InputWidth]
            : [-1, options.InputHeight, options.InputWidth, 3];
        var dims = input.Dimensions;
        var channels = options.Layout == TensorLayout.Nchw ? 1 : 3;
        var (height, width) = options.Layout == TensorLayout.Nchw ? (2, 3) : (1, 2);
        bool Fits(int i) => dims[i] == -1 || dims[i] == wanted[i];
        string? exportedImageSize = null;
        if (acceptOtherImageSize && dims[0] is 1 or -1 && Fits(channels) && !(Fits(height) && Fits(width)))
        {
            exportedImageSize = string.Create(CultureInfo.InvariantCulture, $"{dims[width]}×{dims[height]}");
        }
        else if (dims[0] is not (1 or -1) || Enumerable.Range(1, 3).Any(i => !Fits(i)))
        {
            throw Error(path, $"input '{inputName}' of shape {expectedInput} (layout {options.Layout}, InputWidth {options.InputWidth}, InputHeight {options.InputHeight}; batch 1 or symbolic)", Describe(input));
        }

        var outputs = session.OutputMetadata;
        var outputName = options.OutputName ?? outputs.Keys.First();
        if (!outputs.TryGetValue(outputName, out var output))
        {
            throw Error(path, $"an output named '{outputName}' (SceneCut:Embeddings:OutputName)", $"outputs {Describe(outputs)}");
        }

        if (!output.IsTensor || output.ElementType != typeof(float) || output.Dimensions.Length < 2)
        {
            throw Error(path, $"output '{outputName}' to be a float tensor N×features", Describe(output));
        }

        // The vector length must be known before the first frame: symbolic feature dimensions are not supported.
        var featureDims = output.Dimensions.Skip(1).ToArray();
        if (featureDims.Any(d => d <= 0))
        {
            throw Error(path, $"output '{outputName}' with fixed feature dimensions (N×D or N×D×1×1)", Describe(output));
        }

        var dimension = featureDims.Aggregate(1, (a, b) => checked(a * b));
        return new ModelShape(inputName, outputName, dims[0], dimension, exportedImageSize);
    }

    private static EmbeddingModelException Error(string path, string expected, string found) =>
        new($"Embedding model {path}: expected {expected}, found {found}.");

    private static string Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        "[" + string.Join(", ", nodes.Select(n => $"'{n.Key}': {Describe(n.Value)}")) + "]";

    private static string Describe(NodeMetadata node) => node.IsTensor
        ? $"{node.ElementType.Name}[{string.Join("×", node.Dimensions.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture)))}]"
        : node.OnnxValueType.ToString();
}
