namespace SceneCut.Recurrent.Training;

/// <summary>Linear warm-up over <c>warmupSteps</c>, then cosine decay to <c>floor</c> × base at the last step.</summary>
public sealed class WarmupCosineSchedule(int warmupSteps, float floor = 0.05f) : ILearningRateSchedule
{
    public float Rate(float baseRate, int step, int totalSteps)
    {
        if (step < warmupSteps)
        {
            return baseRate * (step + 1) / warmupSteps;
        }

        double progress = (double)(step - warmupSteps) / Math.Max(1, totalSteps - warmupSteps);
        double cosine = 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, progress)));
        return (float)(baseRate * (floor + (1 - floor) * cosine));
    }
}
