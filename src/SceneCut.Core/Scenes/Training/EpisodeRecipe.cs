using System.ComponentModel.DataAnnotations;

namespace SceneCut.Scenes.Training;

/// <summary>How <see cref="EpisodeSplicer"/> builds episodes. Every default is stated and reproducible with the seed.</summary>
public sealed record EpisodeRecipe
{
    /// <summary>Fewest segments per episode. Default 3.</summary>
    [Range(2, 100)]
    public int MinSegments { get; init; } = 3;

    /// <summary>Most segments per episode. Default 8.</summary>
    [Range(2, 100)]
    public int MaxSegments { get; init; } = 8;

    /// <summary>Shortest segment in seconds. Default 2.</summary>
    [Range(0.5, 3600)]
    public double MinSegmentSeconds { get; init; } = 2;

    /// <summary>Longest segment in seconds. Default 15.</summary>
    [Range(0.5, 3600)]
    public double MaxSegmentSeconds { get; init; } = 15;

    /// <summary>Share of joins that continue the same source elsewhere (a jump cut: not a scene change). Default 0.3.</summary>
    [Range(0.0, 1.0)]
    public double SameSourceJoinShare { get; init; } = 0.3;

    /// <summary>Share of joins between sources that dissolve instead of cutting. Default 0.2.</summary>
    [Range(0.0, 1.0)]
    public double DissolveShare { get; init; } = 0.2;

    /// <summary>Share of joins between sources that fade through black. Default 0.2.</summary>
    [Range(0.0, 1.0)]
    public double FadeShare { get; init; } = 0.2;

    /// <summary>Pieces of a shot shorter than this (seconds) are dropped: a splice never leaves a sliver of a shot. Default 0.3.</summary>
    [Range(0.0, 10.0)]
    public double MinPieceSeconds { get; init; } = 0.3;
}
