using System.ComponentModel.DataAnnotations;

namespace SceneCut.Scenes;

/// <summary>How scenes are found. Bound from <c>SceneCut:Scenes</c>; defaults in <see cref="SceneDefaults"/>.</summary>
public sealed class SceneOptions
{
    /// <summary>Find scenes (needs the CNN and the scene model). Default true; false gives shots only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Scene model file; relative paths are tried beside the executable, then in the current folder. Default <c>models/scene-model.scm</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ModelPath { get; set; } = SceneDefaults.ModelPath;

    /// <summary>Seconds between kept frame copies. Default 0.25.</summary>
    [Range(0.01, 60.0)]
    public double SampleSeconds { get; set; } = SceneDefaults.SampleSeconds;

    /// <summary>Most frame copies kept at once. Default 32.</summary>
    [Range(4, 4096)]
    public int MaxSamples { get; set; } = SceneDefaults.MaxSamples;

    /// <summary>Shorter side of kept copies in pixels. Default 256.</summary>
    [Range(16, 4096)]
    public int SampleShortSide { get; set; } = SceneDefaults.SampleShortSide;

    /// <summary>Probability at which a shot starts a new scene. Default 0.25.</summary>
    [Range(0.0, 1.0)]
    public double Threshold { get; set; } = SceneDefaults.Threshold;

    /// <summary>Shortest scene in seconds: of two starts closer than this the less probable one is dropped; 0 keeps all. Default 1.</summary>
    [Range(0.0, 3600.0)]
    public double MinSceneSeconds { get; set; } = SceneDefaults.MinSceneSeconds;

    /// <summary>Shots per model window. Default 128.</summary>
    [Range(8, 100_000)]
    public int WindowShots { get; set; } = SceneDefaults.WindowShots;

    /// <summary>Shots shared by neighbouring windows (less than half a window). Default 32.</summary>
    [Range(0, 50_000)]
    public int OverlapShots { get; set; } = SceneDefaults.OverlapShots;

    /// <summary>Share of black frames that makes a shot black. Default 0.8.</summary>
    [Range(0.0, 1.0)]
    public double BlackShotShare { get; set; } = SceneDefaults.BlackShotShare;

    /// <summary>Throws <see cref="ValidationException"/> listing every bad field.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        if (OverlapShots * 2 >= WindowShots)
        {
            results.Add(new ValidationResult($"The field OverlapShots must be less than half of WindowShots ({WindowShots}), found {OverlapShots}."));
        }

        if (results.Count > 0)
        {
            throw new ValidationException("Invalid SceneCut:Scenes options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }

    /// <summary>The model file to open: as given when absolute or present, else beside the executable.</summary>
    public string ResolveModelPath() =>
        Path.IsPathRooted(ModelPath) || File.Exists(ModelPath) ? ModelPath : Path.Combine(AppContext.BaseDirectory, ModelPath);
}
