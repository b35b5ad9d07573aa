using System.ComponentModel.DataAnnotations;

namespace SceneCut.AdSlots;

/// <summary>
/// Where ad breaks may go. Bound from the <c>SceneCut:AdPolicy</c> section of <c>appsettings.json</c>; the CLI's
/// <c>--min-slot-gap</c>, <c>--slot-margin</c> and <c>--min-slot-score</c> override it for one run. Every default is
/// in <see cref="AdPolicyDefaults"/>.
/// </summary>
public sealed class AdPolicyOptions
{
    /// <summary>Least time between two slots, in seconds. Default 300.</summary>
    [Range(0.0, 86_400.0)]
    public double MinGapSeconds { get; set; } = AdPolicyDefaults.MinGapSeconds;

    /// <summary>No slot this close to the start or the end of the video, in seconds. Default 120.</summary>
    [Range(0.0, 86_400.0)]
    public double MarginSeconds { get; set; } = AdPolicyDefaults.MarginSeconds;

    /// <summary>Least scene-boundary probability (0–1) a slot may sit on. Default 0.99.</summary>
    [Range(0.0, 1.0)]
    public double MinScore { get; set; } = AdPolicyDefaults.MinScore;

    /// <summary>Most slots in any hour of the video. Default 8.</summary>
    [Range(1, 3_600)]
    public int MaxSlotsPerHour { get; set; } = AdPolicyDefaults.MaxSlotsPerHour;

    /// <summary>A fade to black or black run this close to a boundary (seconds) moves the slot to just after the black. Default 2.</summary>
    [Range(0.0, 60.0)]
    public double FadePreferenceSeconds { get; set; } = AdPolicyDefaults.FadePreferenceSeconds;

    /// <summary>Least time (seconds) without another cut before and after a slot not at a fade or black run. Default 1.25.</summary>
    [Range(0.0, 60.0)]
    public double SettledSeconds { get; set; } = AdPolicyDefaults.SettledSeconds;

    /// <summary>A boundary after a shot at least this long (seconds) counts as "after a long quiet shot". Default 8.</summary>
    [Range(0.0, 3_600.0)]
    public double QuietShotSeconds { get; set; } = AdPolicyDefaults.QuietShotSeconds;

    /// <summary>Throws <see cref="ValidationException"/> listing every field out of range.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ValidationException("Invalid SceneCut:AdPolicy options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }
}
