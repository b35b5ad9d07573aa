namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// How <c>scenecut train-shots</c> builds its data and trains; every default was fixed before the first
/// leave-one-source-out run (see models/shot-model.md).
/// </summary>
public sealed record ShotTrainingOptions
{
    /// <summary>Shape of the model.</summary>
    public ShotTransitionModelOptions Model { get; init; } = new();

    /// <summary>How synthetic episodes are spliced.</summary>
    public TransitionSynthesizerOptions Synthesizer { get; init; } = new();

    /// <summary>Frames per training window. Default 128 (the detector's window).</summary>
    public int WindowFrames { get; init; } = LearnedShotDefaults.WindowFrames;

    /// <summary>Frames between training windows' starts. Default 64.</summary>
    public int StrideFrames { get; init; } = 64;

    /// <summary>Synthetic episodes per usable shot of a source. Default 2.</summary>
    public double EpisodesPerShot { get; init; } = 2;

    /// <summary>Fewest synthetic episodes of a source that has shots. Default 6.</summary>
    public int MinEpisodesPerSource { get; init; } = 6;

    /// <summary>Most synthetic episodes of one source, so one long video does not outweigh the rest. Default 60.</summary>
    public int MaxEpisodesPerSource { get; init; } = 60;

    /// <summary>Shortest shot segment spliced, in frames. Default 14.</summary>
    public int MinSegmentFrames { get; init; } = 14;

    /// <summary>Most passes over the training windows (early stopping usually ends sooner). Default 24.</summary>
    public int Epochs { get; init; } = 24;

    /// <summary>Stop after this many epochs without a better validation loss. Default 3.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Windows per mini-batch. Default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam's learning rate. Default 0.002.</summary>
    public float LearningRate { get; init; } = 2e-3f;

    /// <summary>Every this-many-th synthetic episode is kept for validation (early stopping). Default 10.</summary>
    public int ValidationEvery { get; init; } = 10;

    /// <summary>Seed of episodes, weights and order. Default 1.</summary>
    public int Seed { get; init; } = 1;
}
