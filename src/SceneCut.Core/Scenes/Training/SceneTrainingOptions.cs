using SceneCut.Recurrent.Cells;

namespace SceneCut.Scenes.Training;

/// <summary>How the default scene model is trained; every value is part of the model card.</summary>
public sealed record SceneTrainingOptions
{
    /// <summary>Training episodes. Default 4000.</summary>
    public int TrainingEpisodes { get; init; } = 4000;

    /// <summary>Validation episodes (from held-out sources). Default 300.</summary>
    public int ValidationEpisodes { get; init; } = 300;

    /// <summary>Training episodes spliced from photographs, added to the footage episodes when photos are given. Default 2000.</summary>
    public int PhotoEpisodes { get; init; } = 2000;

    /// <summary>Recurrent cell of the saved model. Default LSTM.</summary>
    public CellType Cell { get; init; } = CellType.Lstm;

    /// <summary>Units per direction. Default 32.</summary>
    public int HiddenSize { get; init; } = 32;

    /// <summary>Stacked bidirectional layers. Default 2.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Passes over the training episodes. Default 60.</summary>
    public int Epochs { get; init; } = 60;

    /// <summary>Epochs without a better validation loss before stopping. Default 10.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>Adam learning rate. Default 0.003.</summary>
    public float LearningRate { get; init; } = 0.003f;

    /// <summary>Seed of episodes, weights and shuffling: the same seed gives the same model. Default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Networks trained and averaged (an ensemble). Default 1.</summary>
    public int EnsembleSize { get; init; } = 1;

    /// <summary>
    /// Seed of ensemble member <paramref name="k"/>: <see cref="Seed"/> + 4k (7, 11, 15, … by default). A member with
    /// seed s splices its training footage with s and its photo episodes with s + 2, while validation uses Seed + 1 and
    /// held-out photos Seed + 3; steps of 4 keep every member's streams apart from each other and from those.
    /// </summary>
    public int MemberSeed(int k) => Seed + (MemberSeedStride * k);

    /// <summary>Distance between the seeds of neighbouring ensemble members (see <see cref="MemberSeed"/>).</summary>
    public const int MemberSeedStride = 4;

    /// <summary>How episodes are spliced.</summary>
    public EpisodeRecipe Recipe { get; init; } = new();
}
