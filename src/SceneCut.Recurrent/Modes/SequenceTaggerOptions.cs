using SceneCut.Recurrent.Cells;

namespace SceneCut.Recurrent.Modes;

/// <summary>Shape of a <see cref="SequenceTagger"/>. Defaults follow LGSS-style scene models: a 2-layer BiLSTM.</summary>
public sealed record SequenceTaggerOptions
{
    /// <summary>Features per step (e.g. a shot embedding). Required.</summary>
    public int FeatureSize { get; init; }

    /// <summary>Default LSTM.</summary>
    public CellType Cell { get; init; } = CellType.Lstm;

    /// <summary>Units per direction. Default 64.</summary>
    public int HiddenSize { get; init; } = 64;

    /// <summary>Default 2.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Look at steps before and after. Default true.</summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary>Dropout between layers in training. Default 0.1.</summary>
    public float Dropout { get; init; } = 0.1f;

    /// <summary>Weight of the rare positive (boundary) steps in the loss. Default 1.</summary>
    public float PositiveWeight { get; init; } = 1f;

    /// <summary>Seed of the initial weights and dropout. Default 1.</summary>
    public int Seed { get; init; } = 1;

    internal SequenceModelOptions ToModelOptions() => new()
    {
        Mode = SequenceMode.ManyToMany,
        Cell = Cell,
        InputSize = FeatureSize,
        HiddenSize = HiddenSize,
        Layers = Layers,
        Bidirectional = Bidirectional,
        Dropout = Dropout,
        OutputSize = 1,
        Output = Heads.OutputKind.Binary,
        PositiveWeight = PositiveWeight,
        Seed = Seed,
    };
}
