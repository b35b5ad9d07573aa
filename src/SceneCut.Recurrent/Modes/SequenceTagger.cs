using SceneCut.Recurrent.Serialization;
using SceneCut.Recurrent.Training;

namespace SceneCut.Recurrent.Modes;

/// <summary>
/// The many-to-many model in the shape the scene model needs: sequences of feature vectors in, a probability per
/// step out, trained from 0/1 labels per step with a positive-class weight.
/// </summary>
public sealed class SequenceTagger
{
    public SequenceTagger(SequenceTaggerOptions options)
        : this(new ManyToManyModel((options ?? throw new ArgumentNullException(nameof(options))).ToModelOptions()))
    {
    }

    private SequenceTagger(ManyToManyModel model) => Model = model;

    /// <summary>The underlying many-to-many model (for ONNX export or a custom training loop).</summary>
    public ManyToManyModel Model { get; }

    /// <summary>Trains on sequences with a 0/1 label per step; validation enables early stopping.</summary>
    /// <param name="sequences">Per sequence: T steps of FeatureSize values.</param>
    /// <param name="labels">Per sequence: T labels, 1 where the step is positive (e.g. a scene boundary).</param>
    public TrainingReport Train(IReadOnlyList<float[][]> sequences, IReadOnlyList<float[]> labels,
        TrainerOptions? options = null, IReadOnlyList<float[][]>? validationSequences = null,
        IReadOnlyList<float[]>? validationLabels = null, IProgress<EpochReport>? progress = null)
    {
        List<SequenceExample> train = Examples(sequences, labels);
        List<SequenceExample>? validation = validationSequences is null
            ? null
            : Examples(validationSequences, validationLabels ?? throw new ArgumentNullException(nameof(validationLabels)));
        return new Trainer(options ?? new TrainerOptions()).Fit(Model, train, validation, progress);
    }

    /// <summary>Probability per step.</summary>
    public float[] Predict(float[][] sequence) => Model.Predict(sequence).Select(p => p[0]).ToArray();

    /// <summary>Probabilities per step for several sequences in one batch.</summary>
    public float[][] Predict(IReadOnlyList<float[][]> sequences) =>
        Model.PredictBatch(sequences).Select(s => s.Select(p => p[0]).ToArray()).ToArray();

    public void Save(Stream stream) => ModelFile.Save(Model, stream);

    /// <summary>
    /// Writes the model as an ONNX graph of the standard recurrent operators (<see cref="Onnx.OnnxExporter"/>): inputs
    /// <c>input</c> (B, T, FeatureSize) and <c>sequence_lens</c> (B), output <c>scores</c> (B, T, 1).
    /// </summary>
    public void ExportOnnx(Stream stream) => Onnx.OnnxExporter.Export(Model, stream);

    /// <summary>Loads a tagger saved by <see cref="Save"/>; throws <see cref="ModelFormatException"/> otherwise.</summary>
    public static SequenceTagger Load(Stream stream) => FromModel(ModelFile.Load(stream));

    /// <summary>Wraps a loaded model, refusing anything that is not one binary output per step.</summary>
    internal static SequenceTagger FromModel(ISequenceModel model)
    {
        if (model is not ManyToManyModel tagger || tagger.Options.OutputSize != 1 ||
            tagger.Options.Output != Heads.OutputKind.Binary)
        {
            throw new ModelFormatException(
                $"The file holds a {model.Options.Mode} model with {model.Options.OutputSize} {model.Options.Output} outputs, not a sequence tagger.");
        }

        return new SequenceTagger(tagger);
    }

    private static List<SequenceExample> Examples(IReadOnlyList<float[][]> sequences, IReadOnlyList<float[]> labels)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        ArgumentNullException.ThrowIfNull(labels);
        if (sequences.Count != labels.Count)
        {
            throw new ArgumentException($"{sequences.Count} sequences but {labels.Count} label arrays.");
        }

        var examples = new List<SequenceExample>(sequences.Count);
        for (int i = 0; i < sequences.Count; i++)
        {
            if (labels[i].Length != sequences[i].Length)
            {
                throw new ArgumentException($"Sequence {i} has {sequences[i].Length} steps but {labels[i].Length} labels.");
            }

            examples.Add(new SequenceExample(sequences[i], labels[i].Select(l => new[] { l }).ToArray()));
        }

        return examples;
    }
}
