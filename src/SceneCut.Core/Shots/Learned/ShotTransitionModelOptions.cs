using SceneCut.Recurrent.Cells;

namespace SceneCut.Shots.Learned;

/// <summary>Shape of a <see cref="ShotTransitionModel"/>: a small bidirectional recurrent stack over frames.</summary>
public sealed record ShotTransitionModelOptions
{
    /// <summary>Default GRU: three gates instead of an LSTM's four, so cheaper per frame (an LSTM was not compared here).</summary>
    public CellType Cell { get; init; } = CellType.Gru;

    /// <summary>Units per direction. Default 16.</summary>
    public int HiddenSize { get; init; } = 16;

    /// <summary>Stacked layers. Default 2.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Weight of positive frames (cut starts, frames inside a gradual transition) in the loss. Default 3.</summary>
    public float PositiveWeight { get; init; } = 3f;

    /// <summary>Seed of the initial weights. Default 1.</summary>
    public int Seed { get; init; } = 1;
}
