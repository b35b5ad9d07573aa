namespace SceneCut.Recurrent.Training;

/// <summary>How <see cref="Trainer"/> fits a model. Defaults suit small sequence tasks.</summary>
public sealed record TrainerOptions
{
    /// <summary>Passes over the training set. Default 20.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>Examples per mini-batch. Default 16.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Base learning rate. Default 1e-3.</summary>
    public float LearningRate { get; init; } = 1e-3f;

    /// <summary>Default <see cref="OptimizerKind.Adam"/>.</summary>
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>L2 (Adam, SGD) or decoupled (AdamW) weight decay. Default 0.</summary>
    public float WeightDecay { get; init; }

    /// <summary>SGD momentum. Default 0.9.</summary>
    public float Momentum { get; init; } = 0.9f;

    /// <summary>Clip the global gradient norm to this; 0 turns it off. Default 1.</summary>
    public float ClipNorm { get; init; } = 1f;

    /// <summary>Clamp each gradient element to ±this; 0 turns it off. Default 0.</summary>
    public float ClipValue { get; init; }

    /// <summary>Learning-rate schedule. Default constant.</summary>
    public ILearningRateSchedule Schedule { get; init; } = new ConstantSchedule();

    /// <summary>Stop after this many epochs without a better validation loss and restore the best weights; 0 turns it off. Default 0.</summary>
    public int Patience { get; init; }

    /// <summary>Seed of the shuffling order; with the model seed it makes runs bit-identical. Default 1.</summary>
    public int Seed { get; init; } = 1;

    public void Validate()
    {
        var errors = new List<string>();
        if (Epochs <= 0) errors.Add($"{nameof(Epochs)} must be positive (was {Epochs}).");
        if (BatchSize <= 0) errors.Add($"{nameof(BatchSize)} must be positive (was {BatchSize}).");
        if (!(LearningRate > 0)) errors.Add($"{nameof(LearningRate)} must be positive (was {LearningRate}).");
        if (ClipNorm < 0) errors.Add($"{nameof(ClipNorm)} must be ≥ 0 (was {ClipNorm}).");
        if (ClipValue < 0) errors.Add($"{nameof(ClipValue)} must be ≥ 0 (was {ClipValue}).");
        if (Patience < 0) errors.Add($"{nameof(Patience)} must be ≥ 0 (was {Patience}).");
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid trainer options: " + string.Join(" ", errors));
        }
    }
}
