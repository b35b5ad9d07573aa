using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Serialization;

namespace SceneCut.Scenes;

/// <summary>
/// The many-to-many recurrent model that gives every shot the probability that a new scene starts there. Long
/// videos run in overlapping windows of shots, blended with weights that favour each window's centre, so memory
/// stays flat and a boundary's probability does not depend on where a window happens to start. The file may hold an
/// ensemble of networks (<see cref="SequenceTaggerEnsemble"/>); each window's probabilities are then the members' mean.
/// </summary>
public sealed class SceneModel
{
    private readonly SequenceTaggerEnsemble _ensemble;

    public SceneModel(SequenceTagger tagger, int windowShots, int overlapShots)
        : this(new SequenceTaggerEnsemble([tagger]), windowShots, overlapShots)
    {
    }

    public SceneModel(SequenceTaggerEnsemble ensemble, int windowShots, int overlapShots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowShots, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(overlapShots);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(overlapShots, windowShots / 2);
        ArgumentNullException.ThrowIfNull(ensemble);
        var inputSize = ensemble.FeatureSize;
        if (inputSize != SceneFeatures.Size && inputSize != SceneFeatures.LegacySize)
        {
            throw new ModelFormatException($"The scene model expects {inputSize} features per shot; this build computes {SceneFeatures.Size} (or the first {SceneFeatures.LegacySize} for older models). Retrain it with `scenecut train`.");
        }

        _ensemble = ensemble;
        WindowShots = windowShots;
        OverlapShots = overlapShots;
    }

    /// <summary>Shots per window.</summary>
    public int WindowShots { get; }

    /// <summary>Shots shared by neighbouring windows.</summary>
    public int OverlapShots { get; }

    /// <summary>The trained networks (one, or an ensemble whose mean is the probability).</summary>
    public SequenceTaggerEnsemble Ensemble => _ensemble;

    /// <summary>The embeddings the model was trained on, from its file; null for files that do not say (written before format version 3).</summary>
    public EmbeddingProvenance? TrainedOn => EmbeddingProvenance.FromMetadata(_ensemble.Metadata);

    /// <summary>Loads a model saved by <c>scenecut train</c>; the message names the file when it is damaged or foreign.</summary>
    public static SceneModel Load(string path, int windowShots, int overlapShots)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return new SceneModel(SequenceTaggerEnsemble.Load(stream), windowShots, overlapShots);
        }
        catch (Exception ex) when (ex is ModelFormatException or IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException($"{path}: cannot load the scene model ({ex.Message})");
        }
    }

    /// <summary>Probability per shot that a new scene starts at it (shot 0 always starts one).</summary>
    public double[] Predict(IReadOnlyList<ShotSummary> shots)
    {
        var probabilities = new double[shots.Count];
        if (shots.Count == 0)
        {
            return probabilities;
        }

        var features = SceneFeatures.Build(shots, _ensemble.FeatureSize);
        var weights = new double[shots.Count];
        var stride = WindowShots - OverlapShots;
        for (var start = 0; ; start += stride)
        {
            var end = Math.Min(shots.Count, start + WindowShots);
            start = Math.Max(0, Math.Min(start, end - WindowShots));
            var window = features[start..end];
            var predicted = _ensemble.Predict(window);
            for (var t = 0; t < predicted.Length; t++)
            {
                // Triangular weight: a step near the window's edge sees little context on one side.
                var weight = 1.0 + Math.Min(t, predicted.Length - 1 - t);
                probabilities[start + t] += weight * predicted[t];
                weights[start + t] += weight;
            }

            if (end == shots.Count)
            {
                break;
            }
        }

        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] /= weights[i];
        }

        probabilities[0] = 1.0;
        return probabilities;
    }
}
