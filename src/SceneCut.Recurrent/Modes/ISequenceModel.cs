namespace SceneCut.Recurrent.Modes;

/// <summary>The one API every mode shares; <see cref="Training.Trainer"/> fits any of them.</summary>
public interface ISequenceModel
{
    SequenceModelOptions Options { get; }

    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>
    /// Mean loss over the batch's real target steps. With <paramref name="training"/> it applies dropout and
    /// adds the gradients into <see cref="Parameter.Gradient"/> (the caller zeroes them).
    /// </summary>
    double Loss(IReadOnlyList<SequenceExample> batch, bool training);

    /// <summary>Outputs after sigmoid/softmax (identity for regression), one vector per output step.</summary>
    float[][] Predict(float[][] inputs);
}
