using SceneCut.AdSlots;
using SceneCut.Recurrent.Cells;

namespace SceneCut.Scenes.Training.Real;

/// <summary>How the scene model is trained on real videos with scene truth (<see cref="RealSceneTrainer"/>) and cross-validated.</summary>
public sealed record RealSceneTrainingOptions
{
    /// <summary>Features per shot: <see cref="SceneFeatures.Size"/> (default) or <see cref="SceneFeatures.LegacySize"/> (for the ablation).</summary>
    public int FeatureSize { get; init; } = SceneFeatures.Size;

    /// <summary>Recurrent cell. Default GRU.</summary>
    public CellType Cell { get; init; } = CellType.Gru;

    /// <summary>Units per direction. Default 8: a few hundred labelled shots carry no more.</summary>
    public int HiddenSize { get; init; } = 8;

    /// <summary>Stacked layers. Default 1.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Epochs, fixed in advance: early stopping would need a held-out source that then chooses nothing else. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Adam's learning rate. Default 0.003.</summary>
    public float LearningRate { get; init; } = 0.003f;

    /// <summary>Seed of the first network (others add <see cref="SceneTrainingOptions.MemberSeedStride"/>). Default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Networks averaged. Default 3.</summary>
    public int EnsembleSize { get; init; } = 3;

    /// <summary>Random runs of shots drawn from each video per epoch, besides the whole video. Default 12.</summary>
    public int RunsPerVideo { get; init; } = 12;

    /// <summary>Shortest random run in shots. Default 6.</summary>
    public int MinRunShots { get; init; } = 6;

    /// <summary>Longest random run in shots (and the window whole videos are cut into). Default 64.</summary>
    public int MaxRunShots { get; init; } = 64;

    /// <summary>Episodes spliced from other footage (<see cref="EpisodeSplicer"/>) added per network, when footage is given. Default 300.</summary>
    public int SplicedEpisodes { get; init; } = 300;

    /// <summary>Groups of training sources that choose the operating threshold by inner cross-validation. Default 3.</summary>
    public int InnerFolds { get; init; } = 3;

    /// <summary>Shortest scenes (seconds) tried with every threshold when an operating point is chosen. Default 0, 1, 2 and 3.</summary>
    public IReadOnlyList<double> MinSceneSeconds { get; init; } = [0, 1, 2, 3];

    /// <summary>
    /// The ad policy slots are scored under: breaks at least 5 s apart and 3 s from either end, as many per hour as fit
    /// (the real videos are seconds to minutes long); its minimum slot score is chosen by the cross-validation.
    /// </summary>
    public AdPolicyOptions SlotPolicy { get; init; } = new() { MinGapSeconds = 5, MarginSeconds = 3, MaxSlotsPerHour = 3600 };

    /// <summary>A slot is right when it lies within this many seconds of a true scene start. Default 0.5.</summary>
    public double SlotToleranceSeconds { get; init; } = 0.5;

    /// <summary>Minimum slot scores tried; the lowest whose slots were all right on the inner folds is taken.</summary>
    public IReadOnlyList<double> SlotScores { get; init; } = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99];

    /// <summary>Scene thresholds tried when an operating point is chosen.</summary>
    public IReadOnlyList<double> Thresholds { get; init; } = Enumerable.Range(2, 17).Select(k => k * 0.05).ToList();

    /// <summary>The seed of member <paramref name="k"/>.</summary>
    public int MemberSeed(int k) => Seed + (SceneTrainingOptions.MemberSeedStride * k);

    /// <summary>Throws <see cref="ArgumentException"/> listing every bad field.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(FeatureSize is SceneFeatures.LegacySize || FeatureSize == SceneFeatures.Size, $"FeatureSize must be {SceneFeatures.LegacySize} or {SceneFeatures.Size}, found {FeatureSize}");
        Check(HiddenSize >= 1, $"HiddenSize must be at least 1, found {HiddenSize}");
        Check(Layers >= 1, $"Layers must be at least 1, found {Layers}");
        Check(Epochs >= 1, $"Epochs must be at least 1, found {Epochs}");
        Check(LearningRate > 0 && float.IsFinite(LearningRate), $"LearningRate must be positive, found {LearningRate}");
        Check(EnsembleSize is >= 1 and <= SceneCut.Recurrent.Serialization.ModelFile.MaxMembers, $"EnsembleSize must be 1 to {SceneCut.Recurrent.Serialization.ModelFile.MaxMembers}, found {EnsembleSize}");
        Check(RunsPerVideo >= 0 && SplicedEpisodes >= 0, "RunsPerVideo and SplicedEpisodes must not be negative");
        Check(MinRunShots >= 2 && MaxRunShots >= MinRunShots, $"runs need 2 <= MinRunShots <= MaxRunShots, found {MinRunShots} and {MaxRunShots}");
        Check(InnerFolds >= 2, $"InnerFolds must be at least 2, found {InnerFolds}");
        Check(Thresholds.Count > 0 && Thresholds.All(t => t is > 0 and < 1), "Thresholds must be probabilities strictly between 0 and 1");
        Check(MinSceneSeconds.Count > 0 && MinSceneSeconds.All(m => m >= 0 && double.IsFinite(m)), "MinSceneSeconds must be seconds >= 0");
        Check(SlotScores.Count > 0 && SlotScores.All(t => t is >= 0 and <= 1), "SlotScores must be probabilities");
        Check(SlotToleranceSeconds > 0, $"SlotToleranceSeconds must be positive, found {SlotToleranceSeconds}");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid real-video scene training options: " + string.Join("; ", errors));
        }
    }
}
