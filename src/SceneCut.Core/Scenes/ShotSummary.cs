using SceneCut.Shots;

namespace SceneCut.Scenes;

/// <summary>What the scene model knows about one shot.</summary>
/// <param name="StartSeconds">Start time.</param>
/// <param name="EndSeconds">End time (start of the next shot).</param>
/// <param name="TransitionIn">How the shot began; null for the first shot.</param>
/// <param name="IsBlack">The shot is (almost) all black frames.</param>
/// <param name="Embedding">Unit-length CNN embedding of the shot (of its middle frame by default).</param>
public sealed record ShotSummary(double StartSeconds, double EndSeconds, TransitionKind? TransitionIn, bool IsBlack, float[] Embedding)
{
    /// <summary>Length in seconds.</summary>
    public double DurationSeconds => Math.Max(0, EndSeconds - StartSeconds);
}
