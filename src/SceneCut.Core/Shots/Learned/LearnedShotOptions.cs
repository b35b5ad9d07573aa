using System.ComponentModel.DataAnnotations;

namespace SceneCut.Shots.Learned;

/// <summary>
/// The learned transition model (<c>SceneCut:Shots:Learned</c>); every default is in <see cref="LearnedShotDefaults"/>.
/// </summary>
public sealed class LearnedShotOptions
{
    /// <summary>Off, Add (beside the threshold detectors), AddGradual (beside them, gradual transitions only) or Replace (instead of them). Default Add.</summary>
    public LearnedShotMode Mode { get; set; } = LearnedShotDefaults.Mode;

    /// <summary>The model file (<c>scenecut train-shots</c> writes it). Default <c>models/shot-model.scm</c>.</summary>
    [Required]
    public string ModelPath { get; set; } = LearnedShotDefaults.ModelPath;

    /// <summary>Least P(cut starts here) of a cut, at a local maximum. Default 0.95.</summary>
    [Range(0.01, 0.99)]
    public double CutThreshold { get; set; } = LearnedShotDefaults.CutThreshold;

    /// <summary>Least P(gradual transition covers this frame) of the frames of a gradual transition. Default 0.7.</summary>
    [Range(0.01, 0.99)]
    public double GradualThreshold { get; set; } = LearnedShotDefaults.GradualThreshold;

    /// <summary>Fewest frames of a gradual transition (a shorter run of frames above the threshold is dropped). Default 8.</summary>
    [Range(1, 1000)]
    public int MinGradualFrames { get; set; } = LearnedShotDefaults.MinGradualFrames;

    /// <summary>Least mean P(gradual) over a gradual transition's frames. Default 0.95.</summary>
    [Range(0.0, 1.0)]
    public double MinGradualScore { get; set; } = LearnedShotDefaults.MinGradualScore;

    /// <summary>Frames per model window. Default 128.</summary>
    [Range(16, 4096)]
    public int WindowFrames { get; set; } = LearnedShotDefaults.WindowFrames;

    /// <summary>Frames between window starts; at most <see cref="WindowFrames"/>. Default 64.</summary>
    [Range(1, 4096)]
    public int HopFrames { get; set; } = LearnedShotDefaults.HopFrames;

    /// <summary>The model path as given when it exists there or is absolute, else beside the executable.</summary>
    public string ResolveModelPath() =>
        Path.IsPathRooted(ModelPath) || File.Exists(ModelPath) ? ModelPath : Path.Combine(AppContext.BaseDirectory, ModelPath);

    internal IEnumerable<string> Errors()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return "Learned: " + result.ErrorMessage;
        }

        if (!Enum.IsDefined(Mode))
        {
            yield return $"Learned: Mode must be Off, Add, AddGradual or Replace (was {(int)Mode}).";
        }

        if (HopFrames > WindowFrames)
        {
            yield return $"Learned: HopFrames ({HopFrames}) must not exceed WindowFrames ({WindowFrames}).";
        }
    }
}
