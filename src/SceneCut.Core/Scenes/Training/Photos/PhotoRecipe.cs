using System.ComponentModel.DataAnnotations;

namespace SceneCut.Scenes.Training.Photos;

/// <summary>How still photographs become footage for photo episodes. Every default is stated and reproducible with the seed.</summary>
public sealed record PhotoRecipe
{
    /// <summary>Shots rendered per photograph (the first shows the whole picture). Default 8.</summary>
    [Range(2, 100)]
    public int ViewsPerPhoto { get; init; } = 8;

    /// <summary>Shortest rendered shot, in seconds. Default 1.</summary>
    [Range(0.1, 60.0)]
    public double MinShotSeconds { get; init; } = 1;

    /// <summary>Longest rendered shot, in seconds. Default 5.</summary>
    [Range(0.1, 60.0)]
    public double MaxShotSeconds { get; init; } = 5;

    /// <summary>Largest zoom into the picture (1 = the widest 16:9 crop). Default 2.5.</summary>
    [Range(1.0, 10.0)]
    public double MaxZoom { get; init; } = 2.5;

    /// <summary>Largest exposure change as a gain factor (a shot's gain lies in [1/x, x]). Default 1.5.</summary>
    [Range(1.0, 4.0)]
    public double MaxGain { get; init; } = 1.5;

    /// <summary>Largest brightness offset in 8-bit levels. Default 20.</summary>
    [Range(0.0, 128.0)]
    public double MaxOffset { get; init; } = 20;

    /// <summary>Pictures with a side shorter than this (pixels) are icons or diagrams, not places: skipped. Default 256.</summary>
    [Range(16, 4096)]
    public int MinSidePixels { get; init; } = 256;

    /// <summary>Pictures whose whole-picture embeddings are at least this similar are one place (e.g. the same wallpaper in two sizes): they stay on one side of the split. Default 0.85.</summary>
    [Range(0.0, 1.0)]
    public double SamePlaceSimilarity { get; init; } = 0.85;

    /// <summary>Share of places held out for validation. Default 0.2.</summary>
    [Range(0.0, 1.0)]
    public double ValidationShare { get; init; } = 0.2;

    /// <summary>Seed of the rendered views. Default 7.</summary>
    public int Seed { get; init; } = 7;
}
