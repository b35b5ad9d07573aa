namespace SceneCut.Recurrent.Training;

/// <summary>The base rate at every step.</summary>
public sealed class ConstantSchedule : ILearningRateSchedule
{
    public float Rate(float baseRate, int step, int totalSteps) => baseRate;
}
