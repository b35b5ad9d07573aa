namespace SceneCut.Shots.Learned.Training;

/// <summary>How synthetic episodes are spliced; the defaults were set before any evaluation and never tuned.</summary>
public sealed record TransitionSynthesizerOptions
{
    /// <summary>Shots per episode, least and most. Default 4–6.</summary>
    public int MinShots { get; init; } = 4;

    /// <inheritdoc cref="MinShots"/>
    public int MaxShots { get; init; } = 6;

    /// <summary>Frames taken from one shot, least and most. Default 14–60.</summary>
    public int MinShotFrames { get; init; } = 14;

    /// <inheritdoc cref="MinShotFrames"/>
    public int MaxShotFrames { get; init; } = 60;

    /// <summary>Longest dissolve or wipe, in frames. Default 30.</summary>
    public int MaxBlendFrames { get; init; } = 30;

    /// <summary>Longest fade (each side) of a dip, in frames. Default 12.</summary>
    public int MaxFadeFrames { get; init; } = 12;

    /// <summary>Longest black or white hold inside a dip, in frames. Default 10.</summary>
    public int MaxHoldFrames { get; init; } = 10;

    /// <summary>Chance that a shot gets a hard negative (flash, fading overlay, relighting). Default 0.3.</summary>
    public double NegativeChance { get; init; } = 0.3;
}
