using SceneCut.Shots;

namespace SceneCut.Synthetic;

/// <summary>How a generated clip moves from one shot to the next.</summary>
/// <param name="Kind">
/// <see cref="TransitionKind.Cut"/>, <see cref="TransitionKind.Dissolve"/> or
/// <see cref="TransitionKind.FadeThroughBlack"/> (fade out, black, fade in).
/// </param>
/// <param name="Frames">Blended frames of a dissolve, or of each fade of a fade through black.</param>
/// <param name="BlackFrames">Fully black frames between the fades of a fade through black.</param>
public sealed record SyntheticTransition(TransitionKind Kind, int Frames = 0, int BlackFrames = 0)
{
    /// <summary>A hard cut.</summary>
    public static SyntheticTransition Cut { get; } = new(TransitionKind.Cut);
}
