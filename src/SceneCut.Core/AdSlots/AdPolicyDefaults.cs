namespace SceneCut.AdSlots;

/// <summary>Default values of <see cref="AdPolicyOptions"/> and the fixed weights of the slot score, in one place.</summary>
public static class AdPolicyDefaults
{
    /// <summary>Five minutes between breaks: a common floor for long-form programmes.</summary>
    public const double MinGapSeconds = 300;

    /// <summary>No break in the first or last two minutes: viewers are still settling in, or the credits are on.</summary>
    public const double MarginSeconds = 120;

    /// <summary>
    /// A scene boundary needs at least this probability to carry a break: far stricter than the scene threshold, because
    /// a mid-scene ad is the failure viewers notice. The lowest score at which every slot of the leave-one-source-out
    /// predictions on the real videos sat on a true scene start (models/README.md).
    /// </summary>
    public const double MinScore = 0.99;

    /// <summary>At most eight breaks in any hour of programme.</summary>
    public const int MaxSlotsPerHour = 8;

    /// <summary>A fade or black run within two seconds of a boundary is the natural place for the break.</summary>
    public const double FadePreferenceSeconds = 2;

    /// <summary>
    /// A slot needs 1.25 s without another cut on both sides. A second cut that close makes the boundary's place
    /// uncertain (the model may have picked the wrong one of the two, and ±0.5 s is then missed) and leaves a short shot
    /// next to the break; a fade or black run pins the place, so slots there are exempt. How 1.25 s was chosen:
    /// docs/scene-model-spliced-v3.md.
    /// </summary>
    public const double SettledSeconds = 1.25;

    /// <summary>A shot of eight seconds or more without a cut ends calmly: a good moment to leave.</summary>
    public const double QuietShotSeconds = 8;

    /// <summary>
    /// Weight of "the programme goes to black here" in the slot score (not an option: it only orders candidates).
    /// Half the remaining doubt: a 0.6 boundary with a fade scores 0.8, still below a 0.9 boundary without one.
    /// </summary>
    public const double FadeBonus = 0.5;

    /// <summary>Weight of "after a long quiet shot" in the slot score: a tie-breaker, weaker than a fade.</summary>
    public const double QuietShotBonus = 0.2;
}
