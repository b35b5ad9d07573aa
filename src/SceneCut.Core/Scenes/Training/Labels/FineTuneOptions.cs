using System.ComponentModel.DataAnnotations;

namespace SceneCut.Scenes.Training.Labels;

/// <summary>How <see cref="LabelFineTuner"/> adapts a trained scene model to a user's labelled videos.</summary>
public sealed record FineTuneOptions
{
    /// <summary>Adam learning rate: a sixth of the training rate, so the model adapts without forgetting. Default 0.0005.</summary>
    [Range(1e-6, 1.0)]
    public float LearningRate { get; init; } = 0.0005f;

    /// <summary>Most passes over the labelled shots. Default 30.</summary>
    [Range(1, 10_000)]
    public int Epochs { get; init; } = 30;

    /// <summary>Epochs without a better held-out loss before stopping (best weights kept). Default 5.</summary>
    [Range(1, 1_000)]
    public int Patience { get; init; } = 5;

    /// <summary>Share of each video's shots, at its end, held out for early stopping. Default 0.2.</summary>
    [Range(0.0, 0.9)]
    public double HeldOutShare { get; init; } = 0.2;

    /// <summary>Training examples drawn per video and epoch (random runs of shots, so a short video still gives several steps). Default 32.</summary>
    [Range(1, 10_000)]
    public int ExamplesPerVideo { get; init; } = 32;

    /// <summary>A labelled time maps to the detected shot starting nearest it within this many seconds. Default 1.</summary>
    [Range(0.0, 10.0)]
    public double ShotToleranceSeconds { get; init; } = 1;

    /// <summary>Seed of the runs drawn and their order. Default 7.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Throws <see cref="ValidationException"/> listing every field out of range.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ValidationException("Invalid fine-tuning options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }
}
