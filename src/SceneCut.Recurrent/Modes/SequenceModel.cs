using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Layers;
using SceneCut.Recurrent.Training;

namespace SceneCut.Recurrent.Modes;

/// <summary>Shared pieces of the five modes, and the factory that builds one from options.</summary>
public abstract class SequenceModel : ISequenceModel
{
    protected SequenceModel(SequenceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        LossFunction = options.Output switch
        {
            OutputKind.Binary => new BinaryCrossEntropyLoss(options.PositiveWeight),
            OutputKind.Classes => new SoftmaxCrossEntropyLoss(),
            _ => new MeanSquaredErrorLoss(),
        };
    }

    public SequenceModelOptions Options { get; }

    public abstract IReadOnlyList<Parameter> Parameters { get; }

    protected ILoss LossFunction { get; }

    /// <summary>Builds the model class for <see cref="SequenceModelOptions.Mode"/>.</summary>
    public static ISequenceModel Create(SequenceModelOptions options) => options.Mode switch
    {
        SequenceMode.OneToOne => new OneToOneModel(options),
        SequenceMode.ManyToOne => new ManyToOneModel(options),
        SequenceMode.ManyToMany => new ManyToManyModel(options),
        SequenceMode.OneToMany => new OneToManyModel(options),
        SequenceMode.SequenceToSequence => new SequenceToSequenceModel(options),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown mode."),
    };

    public abstract double Loss(IReadOnlyList<SequenceExample> batch, bool training);

    public abstract float[][] Predict(float[][] inputs);

    protected RecurrentOptions StackOptions(int inputSize, bool bidirectional, int seedOffset) => new()
    {
        Cell = Options.Cell,
        InputSize = inputSize,
        HiddenSize = Options.HiddenSize,
        Layers = Options.Layers,
        Bidirectional = bidirectional,
        Dropout = Options.Dropout,
        Seed = Options.Seed + seedOffset,
    };

    /// <summary>Splits a (rows, width) buffer into one activated vector per row.</summary>
    protected float[][] Activate(float[] logits, int rows)
    {
        int width = Options.OutputSize;
        OutputActivation.Apply(Options.Output, logits, width);
        var result = new float[rows][];
        for (int r = 0; r < rows; r++)
        {
            result[r] = logits.AsSpan(r * width, width).ToArray();
        }

        return result;
    }

    protected static void CheckBatch(IReadOnlyList<SequenceExample> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one example.", nameof(batch));
        }
    }
}
