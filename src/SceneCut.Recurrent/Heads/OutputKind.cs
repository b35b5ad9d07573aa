namespace SceneCut.Recurrent.Heads;

/// <summary>What a head predicts; it picks the activation and the loss.</summary>
public enum OutputKind
{
    /// <summary>Real values, identity activation, mean squared error.</summary>
    Regression = 0,

    /// <summary>Independent 0/1 outputs, sigmoid, binary cross-entropy with a positive-class weight.</summary>
    Binary = 1,

    /// <summary>One of K classes, softmax, cross-entropy. Targets are one-hot (or soft) vectors.</summary>
    Classes = 2,
}
