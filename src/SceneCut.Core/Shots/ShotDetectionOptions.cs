using System.ComponentModel.DataAnnotations;
using SceneCut.Shots.Learned;

namespace SceneCut.Shots;

/// <summary>
/// How shots are found. Bound from the <c>SceneCut:Shots</c> section of <c>appsettings.json</c>; every default is in
/// <see cref="ShotDetectionDefaults"/>.
/// </summary>
public sealed class ShotDetectionOptions
{
    /// <summary>Analysis width in pixels. Default 64.</summary>
    [Range(16, 1024)]
    public int AnalysisWidth { get; set; } = ShotDetectionDefaults.AnalysisWidth;

    /// <summary>Histogram bins per colour channel. Default 16.</summary>
    [Range(4, 256)]
    public int HistogramBins { get; set; } = ShotDetectionDefaults.HistogramBins;

    /// <summary>A cut's change must be this many times the local typical (median) change. Default 4.0.</summary>
    [Range(1.0, 100.0)]
    public double CutRatio { get; set; } = ShotDetectionDefaults.CutRatio;

    /// <summary>A cut's change must reach this absolute level (0–1). Default 0.08.</summary>
    [Range(0.0, 1.0)]
    public double MinCutScore { get; set; } = ShotDetectionDefaults.MinCutScore;

    /// <summary>Seconds on each side that define the local typical (median) change. Default 0.5.</summary>
    [Range(0.05, 10.0)]
    public double CutWindowSeconds { get; set; } = ShotDetectionDefaults.CutWindowSeconds;

    /// <summary>A change that returns to the previous picture within this many frames is a flash. Default 2.</summary>
    [Range(0, 10)]
    public int FlashFrames { get; set; } = ShotDetectionDefaults.FlashFrames;

    /// <summary>How close (fraction of the change) the picture must return to count as a flash. Default 0.5.</summary>
    [Range(0.0, 1.0)]
    public double FlashSimilarity { get; set; } = ShotDetectionDefaults.FlashSimilarity;

    /// <summary>Luma correlation across a change above which it is a relit picture, not a cut. Default 0.75.</summary>
    [Range(0.0, 1.0)]
    public double RelitCorrelation { get; set; } = ShotDetectionDefaults.RelitCorrelation;

    /// <summary>Pixel luma (0–1) below which a pixel is black. Default 0.1.</summary>
    [Range(0.0, 1.0)]
    public double BlackPixelThreshold { get; set; } = ShotDetectionDefaults.BlackPixelThreshold;

    /// <summary>Largest fraction of brighter pixels in a black frame. Default 0.02.</summary>
    [Range(0.0, 1.0)]
    public double BlackMaxBrightFraction { get; set; } = ShotDetectionDefaults.BlackMaxBrightFraction;

    /// <summary>Shortest gradual transition, in frames. Default 3.</summary>
    [Range(2, 1000)]
    public int MinGradualFrames { get; set; } = ShotDetectionDefaults.MinGradualFrames;

    /// <summary>Longest gradual transition, in seconds. Default 3.0.</summary>
    [Range(0.1, 30.0)]
    public double MaxGradualSeconds { get; set; } = ShotDetectionDefaults.MaxGradualSeconds;

    /// <summary>Smallest mean pixel change of a "changing" frame step. Default 0.0015.</summary>
    [Range(0.0, 1.0)]
    public double MinStepChange { get; set; } = ShotDetectionDefaults.MinStepChange;

    /// <summary>Multiple of the recent median step that counts as "changing". Default 3.0.</summary>
    [Range(1.0, 100.0)]
    public double StepNoiseMultiplier { get; set; } = ShotDetectionDefaults.StepNoiseMultiplier;

    /// <summary>Smallest picture change across a gradual transition. Default 0.05.</summary>
    [Range(0.0, 1.0)]
    public double MinGradualChange { get; set; } = ShotDetectionDefaults.MinGradualChange;

    /// <summary>Largest misfit of in-between frames to a blend of the ends. Default 0.2.</summary>
    [Range(0.0, 1.0)]
    public double MaxBlendResidual { get; set; } = ShotDetectionDefaults.MaxBlendResidual;

    /// <summary>Ends correlating above this are one picture relit, not a dissolve. Default 0.85.</summary>
    [Range(0.0, 1.0)]
    public double MaxDissolveEndCorrelation { get; set; } = ShotDetectionDefaults.MaxDissolveEndCorrelation;

    /// <summary>Longest black pause inside one fade through black, in seconds. Default 1.0.</summary>
    [Range(0.0, 60.0)]
    public double MaxFadeThroughBlackPauseSeconds { get; set; } = ShotDetectionDefaults.MaxFadeThroughBlackPauseSeconds;

    /// <summary>The learned transition model (<c>SceneCut:Shots:Learned</c>): off, beside or instead of the thresholds above.</summary>
    public LearnedShotOptions Learned { get; set; } = new();

    /// <summary>Throws <see cref="ValidationException"/> listing every field out of range.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        var errors = results.Select(r => r.ErrorMessage).Concat(Learned.Errors()).ToList();
        if (errors.Count > 0)
        {
            throw new ValidationException("Invalid SceneCut:Shots options: " + string.Join("; ", errors));
        }
    }

    /// <summary>Turns a duration into a whole number of frames at <paramref name="fps"/> (at least one).</summary>
    internal static int Frames(double seconds, double fps) =>
        Math.Max(1, (int)Math.Round(seconds * (fps > 0 ? fps : ShotDetectionDefaults.FallbackFps)));
}
