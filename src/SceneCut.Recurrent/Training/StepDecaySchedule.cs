namespace SceneCut.Recurrent.Training;

/// <summary>Multiplies the rate by <c>factor</c> every <c>stepsPerDecay</c> steps.</summary>
public sealed class StepDecaySchedule(int stepsPerDecay, float factor) : ILearningRateSchedule
{
    public float Rate(float baseRate, int step, int totalSteps) =>
        baseRate * MathF.Pow(factor, step / Math.Max(1, stepsPerDecay));
}
