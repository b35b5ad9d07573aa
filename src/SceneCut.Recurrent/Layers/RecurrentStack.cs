using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.LinearAlgebra;

namespace SceneCut.Recurrent.Layers;

/// <summary>
/// A stack of recurrent layers (RNN, LSTM or GRU), optionally bidirectional, over batch-first input (B, T, I) with
/// per-row lengths. Padded steps neither update the state nor produce output (ONNX <c>sequence_lens</c>).
/// </summary>
public sealed class RecurrentStack
{
    private readonly RecurrentDirection[][] _layers;
    private readonly Random _dropoutRandom;

    public RecurrentStack(RecurrentOptions options, string name = "rnn")
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _layers = new RecurrentDirection[options.Layers][];
        for (int l = 0; l < options.Layers; l++)
        {
            int input = l == 0 ? options.InputSize : options.OutputSize;
            _layers[l] = new RecurrentDirection[options.Directions];
            for (int d = 0; d < options.Directions; d++)
            {
                _layers[l][d] = new RecurrentDirection($"{name}.l{l}.{(d == 0 ? "fwd" : "bwd")}", options.Cell, input,
                    options.HiddenSize, reverse: d == 1);
            }
        }

        var random = new Random(options.Seed);
        foreach (RecurrentDirection direction in _layers.SelectMany(l => l))
        {
            direction.Initialize(random);
        }

        _dropoutRandom = new Random(unchecked(options.Seed * 7919 + 17));
        Parameters = _layers.SelectMany(l => l).SelectMany(d => d.Parameters).ToArray();
    }

    public RecurrentOptions Options { get; }

    /// <summary>Per layer and direction: W_x (I, G·H), W_h (H, G·H), b_x, b_h.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    public bool HasCellState => Options.Cell == CellType.Lstm;

    /// <summary>Gate names in the order <see cref="GetGate"/> numbers them.</summary>
    public IReadOnlyList<string> GateNames => _layers[0][0].Cell.GateNames;

    /// <summary>Copy of one gate's weights, (out, in) oriented.</summary>
    public GateWeights GetGate(int layer, int direction, string gate) =>
        _layers[layer][direction].GetGate(GateIndex(gate));

    /// <summary>Overwrites one gate's weights, (out, in) oriented.</summary>
    public void SetGate(int layer, int direction, GateWeights weights) =>
        _layers[layer][direction].SetGate(GateIndex(weights.Gate), weights);

    /// <summary>Runs the stack.</summary>
    /// <param name="input">// (B, T, I)</param>
    /// <param name="lengths">Real steps per row, each in [0, T]; null means all T. // (B)</param>
    /// <param name="initialState">Null means zeros. // (L·D, B, H)</param>
    /// <param name="training">Applies dropout between layers.</param>
    public RecurrentOutput Forward(float[] input, int batch, int steps, int[]? lengths = null,
        RecurrentState? initialState = null, bool training = false) =>
        Run(input, batch, steps, lengths, initialState, training, keepHistory: true);

    /// <summary>
    /// Forward for inference only: same outputs as <see cref="Forward"/> without dropout, but no per-step history
    /// is kept (far less memory traffic), so the result cannot be passed to <see cref="Backward"/>.
    /// </summary>
    public RecurrentOutput Infer(float[] input, int batch, int steps, int[]? lengths = null,
        RecurrentState? initialState = null) =>
        Run(input, batch, steps, lengths, initialState, training: false, keepHistory: false);

    private RecurrentOutput Run(float[] input, int batch, int steps, int[]? lengths, RecurrentState? initialState,
        bool training, bool keepHistory)
    {
        ArgumentNullException.ThrowIfNull(input);
        int I = Options.InputSize, H = Options.HiddenSize, D = Options.Directions, L = Options.Layers;
        if (input.Length != batch * steps * I)
        {
            throw new ArgumentException($"Input has {input.Length} values, expected B·T·I = {batch}·{steps}·{I}.", nameof(input));
        }

        int[] lens = CheckLengths(lengths, batch, steps);
        int slot = batch * H;
        RecurrentState init = initialState ?? RecurrentState.Zeros(L * D, batch, H, HasCellState);
        CheckState(init, batch, nameof(initialState));

        var layerInputs = new float[L][];
        var results = new DirectionResult[L][];
        var masks = new float[]?[L];
        var finalState = RecurrentState.Zeros(L * D, batch, H, HasCellState);
        float[] x = ToTimeMajor(input, batch, steps, I); // (T, B, I)
        for (int l = 0; l < L; l++)
        {
            layerInputs[l] = x;
            results[l] = new DirectionResult[D];
            int layer = l;
            float[] layerInput = x;
            DirectionResult Run(int d) => _layers[layer][d].Forward(layerInput, steps, batch, lens,
                init.H.AsSpan((layer * D + d) * slot, slot),
                HasCellState ? init.C.AsSpan((layer * D + d) * slot, slot) : [], parallel: D == 1, keepHistory);
            if (D == 2)
            {
                // The two directions are independent: one core each.
                Parallel.Invoke(() => results[layer][0] = Run(0), () => results[layer][1] = Run(1));
            }
            else
            {
                results[l][0] = Run(0);
            }

            for (int d = 0; d < D; d++)
            {
                results[l][d].FinalH.CopyTo(finalState.H, (l * D + d) * slot);
                if (HasCellState)
                {
                    results[l][d].FinalC.CopyTo(finalState.C, (l * D + d) * slot);
                }
            }

            x = Concatenate(results[l], steps, batch, H); // (T, B, D·H)
            if (training && Options.Dropout > 0 && l < L - 1)
            {
                masks[l] = DropoutMask(x.Length, Options.Dropout);
                // A fresh buffer: x may be the direction's cached y_t, which backward still reads.
                var dropped = new float[x.Length];
                System.Numerics.Tensors.TensorPrimitives.Multiply(x, masks[l], dropped);
                x = dropped;
            }
        }

        float[] output = FromTimeMajor(x, batch, steps, Options.OutputSize);
        return new RecurrentOutput(output, finalState, new RecurrentCache(steps, batch, lens, layerInputs, results, masks));
    }

    /// <summary>
    /// Backpropagation through time. Adds parameter gradients in place; returns input and initial-state gradients.
    /// </summary>
    /// <param name="outputGradient">∂L/∂output, null for none. // (B, T, D·H)</param>
    /// <param name="finalStateGradient">∂L/∂(final state), null for none. // (L·D, B, H)</param>
    /// <param name="computeInputGradient">
    /// False when the input is data (nothing upstream to train): skips layer 0's dX product, about a sixth of the
    /// work at I = 512, and returns an empty <see cref="RecurrentGradients.Input"/>.
    /// </param>
    public RecurrentGradients Backward(RecurrentCache cache, float[]? outputGradient,
        RecurrentState? finalStateGradient = null, bool computeInputGradient = true)
    {
        ArgumentNullException.ThrowIfNull(cache);
        if (!cache.CanBackward)
        {
            throw new InvalidOperationException("This pass ran through Infer, which keeps no history; use Forward to train.");
        }

        int batch = cache.Batch, steps = cache.Steps;
        int H = Options.HiddenSize, D = Options.Directions, L = Options.Layers, slot = batch * H;
        if (outputGradient is not null && outputGradient.Length != batch * steps * Options.OutputSize)
        {
            throw new ArgumentException("Output gradient does not match the forward output.", nameof(outputGradient));
        }

        if (finalStateGradient is not null)
        {
            CheckState(finalStateGradient, batch, nameof(finalStateGradient));
        }

        var initialGradient = RecurrentState.Zeros(L * D, batch, H, HasCellState);
        float[] dY = outputGradient is null
            ? new float[steps * batch * Options.OutputSize]
            : ToTimeMajor(outputGradient, batch, steps, Options.OutputSize); // (T, B, D·H)
        for (int l = L - 1; l >= 0; l--)
        {
            if (cache.DropoutMasks[l] is { } mask)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(dY, mask, dY);
            }

            float[] x = cache.LayerInputs[l];
            var dX = new float[D][];
            int layer = l;
            bool needInput = l > 0 || computeInputGradient;
            float[] dYLayer = dY;
            void Run(int d)
            {
                int s = (layer * D + d) * slot;
                float[] dh = finalStateGradient?.H.AsSpan(s, slot).ToArray() ?? new float[slot];
                float[] dc = HasCellState ? finalStateGradient?.C.AsSpan(s, slot).ToArray() ?? new float[slot] : [];
                dX[d] = needInput ? new float[x.Length] : [];
                _layers[layer][d].Backward(cache.Directions[layer][d].Cache, x, Split(dYLayer, d, steps, batch, H, D),
                    dh, dc, needInput ? dX[d] : null, cache.Lengths, parallel: D == 1);
                dh.CopyTo(initialGradient.H, s);
                if (HasCellState)
                {
                    dc.CopyTo(initialGradient.C, s);
                }
            }

            if (D == 2)
            {
                Parallel.Invoke(() => Run(0), () => Run(1));
                // Summed in a fixed order so runs are bit-identical.
                if (needInput)
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(dX[0], dX[1], dX[0]);
                }
            }
            else
            {
                Run(0);
            }

            dY = dX[0];
        }

        float[] dInput = computeInputGradient ? FromTimeMajor(dY, batch, steps, Options.InputSize) : [];
        return new RecurrentGradients(dInput, initialGradient);
    }

    private int GateIndex(string gate)
    {
        for (int g = 0; g < GateNames.Count; g++)
        {
            if (GateNames[g] == gate)
            {
                return g;
            }
        }

        throw new ArgumentException($"Gate '{gate}' is not one of {string.Join(", ", GateNames)}.", nameof(gate));
    }

    private static int[] CheckLengths(int[]? lengths, int batch, int steps)
    {
        if (lengths is null)
        {
            return Enumerable.Repeat(steps, batch).ToArray();
        }

        if (lengths.Length != batch)
        {
            throw new ArgumentException($"Got {lengths.Length} lengths for a batch of {batch}.", nameof(lengths));
        }

        foreach (int length in lengths)
        {
            if (length < 0 || length > steps)
            {
                throw new ArgumentException($"Length {length} is outside [0, {steps}].", nameof(lengths));
            }
        }

        return lengths;
    }

    private void CheckState(RecurrentState state, int batch, string name)
    {
        int size = Options.Layers * Options.Directions * batch * Options.HiddenSize;
        if (state.H.Length != size || state.C.Length != (HasCellState ? size : 0))
        {
            throw new ArgumentException($"State must be (L·D, B, H) = {size} values for h{(HasCellState ? " and c" : "")}.", name);
        }
    }

    private float[] DropoutMask(int size, float p)
    {
        // Inverted dropout: kept units are scaled by 1/(1−p) so inference needs no rescaling.
        var mask = new float[size];
        float keep = 1f / (1f - p);
        for (int i = 0; i < size; i++)
        {
            mask[i] = _dropoutRandom.NextDouble() >= p ? keep : 0f;
        }

        return mask;
    }

    private static float[] Concatenate(DirectionResult[] directions, int steps, int batch, int H)
    {
        if (directions.Length == 1)
        {
            return directions[0].Cache.Y;
        }

        var y = new float[steps * batch * 2 * H]; // (T, B, 2H)
        for (int r = 0; r < steps * batch; r++)
        {
            directions[0].Cache.Y.AsSpan(r * H, H).CopyTo(y.AsSpan(r * 2 * H, H));
            directions[1].Cache.Y.AsSpan(r * H, H).CopyTo(y.AsSpan(r * 2 * H + H, H));
        }

        return y;
    }

    private static float[] Split(float[] dY, int d, int steps, int batch, int H, int D)
    {
        if (D == 1)
        {
            return dY;
        }

        var part = new float[steps * batch * H]; // (T, B, H)
        for (int r = 0; r < steps * batch; r++)
        {
            dY.AsSpan(r * D * H + d * H, H).CopyTo(part.AsSpan(r * H, H));
        }

        return part;
    }

    internal static float[] ToTimeMajor(float[] x, int batch, int steps, int width)
    {
        var y = new float[x.Length];
        for (int b = 0; b < batch; b++)
        {
            for (int t = 0; t < steps; t++)
            {
                x.AsSpan((b * steps + t) * width, width).CopyTo(y.AsSpan((t * batch + b) * width, width));
            }
        }

        return y;
    }

    internal static float[] FromTimeMajor(float[] x, int batch, int steps, int width)
    {
        var y = new float[x.Length];
        for (int t = 0; t < steps; t++)
        {
            for (int b = 0; b < batch; b++)
            {
                x.AsSpan((t * batch + b) * width, width).CopyTo(y.AsSpan((b * steps + t) * width, width));
            }
        }

        return y;
    }
}
