using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Serialization;

namespace SceneCut.Shots.Learned;

/// <summary>
/// The learned transition model: a bidirectional recurrent stack (our own core) reading <see cref="TransitionEvidence"/>
/// frame by frame and giving every frame two independent probabilities, P(a cut starts here) and P(a gradual transition
/// covers this frame). Saved as a recurrent model file whose metadata names the evidence it reads.
/// </summary>
public sealed class ShotTransitionModel
{
    /// <summary>Output 0: P(cut starts at this frame).</summary>
    public const int CutOutput = 0;

    /// <summary>Output 1: P(a gradual transition covers this frame).</summary>
    public const int GradualOutput = 1;

    // Written into the model file: a model trained on other evidence is refused instead of read wrongly.
    private const string EvidenceKey = "evidence";
    private static readonly string EvidenceVersion = $"transition-evidence-v1/{TransitionEvidence.Size}";

    private static readonly Dictionary<string, ShotTransitionModel> Loaded = new(StringComparer.Ordinal);
    private static readonly Lock LoadedLock = new();

    private readonly Lock _predictLock = new();

    public ShotTransitionModel(ShotTransitionModelOptions options)
        : this(new ManyToManyModel(new SequenceModelOptions
        {
            Mode = SequenceMode.ManyToMany,
            Cell = options.Cell,
            InputSize = TransitionEvidence.Size,
            HiddenSize = options.HiddenSize,
            Layers = options.Layers,
            Bidirectional = true,
            OutputSize = 2,
            Output = OutputKind.Binary,
            PositiveWeight = options.PositiveWeight,
            Seed = options.Seed,
        }), new Dictionary<string, string>())
    {
    }

    private ShotTransitionModel(ManyToManyModel model, IReadOnlyDictionary<string, string> metadata)
    {
        Network = model;
        Metadata = metadata;
    }

    /// <summary>The recurrent network (train it with <see cref="Recurrent.Training.Trainer"/>).</summary>
    public ManyToManyModel Network { get; }

    /// <summary>What the file said about the model besides its weights (training command, data).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Per frame of <paramref name="window"/> (evidence vectors): P(cut starts here), P(gradual covers it).</summary>
    public (float[] Cut, float[] Gradual) Predict(float[][] window)
    {
        float[][] outputs;
        // The recurrent stack reuses buffers between calls: one prediction at a time per model.
        lock (_predictLock)
        {
            outputs = Network.Predict(window);
        }

        var cut = new float[outputs.Length];
        var gradual = new float[outputs.Length];
        for (var t = 0; t < outputs.Length; t++)
        {
            cut[t] = outputs[t][CutOutput];
            gradual[t] = outputs[t][GradualOutput];
        }

        return (cut, gradual);
    }

    /// <summary>Writes the model with <paramref name="metadata"/> (and the evidence version).</summary>
    public void Save(Stream stream, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var all = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()) { [EvidenceKey] = EvidenceVersion };
        ModelFile.SaveAll([Network], stream, all);
    }

    /// <summary>Reads a model saved by <see cref="Save"/>; refuses any other model.</summary>
    public static ShotTransitionModel Load(Stream stream)
    {
        var (models, metadata) = ModelFile.LoadWithMetadata(stream);
        if (models is not [ManyToManyModel network] || network.Options.OutputSize != 2 || network.Options.InputSize != TransitionEvidence.Size)
        {
            throw new ModelFormatException("The file does not hold a shot transition model (one many-to-many model, 2 outputs).");
        }

        if (!metadata.TryGetValue(EvidenceKey, out var evidence) || evidence != EvidenceVersion)
        {
            throw new ModelFormatException($"The shot transition model reads evidence '{evidence ?? "unknown"}', this build computes '{EvidenceVersion}'.");
        }

        return new ShotTransitionModel(network, metadata);
    }

    /// <summary>The model at <paramref name="path"/>, read once per process.</summary>
    public static ShotTransitionModel LoadCached(string path)
    {
        var full = Path.GetFullPath(path);
        lock (LoadedLock)
        {
            if (!Loaded.TryGetValue(full, out var model))
            {
                using var stream = File.OpenRead(full);
                model = Load(stream);
                Loaded[full] = model;
            }

            return model;
        }
    }
}
