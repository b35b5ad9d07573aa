namespace SceneCut.Recurrent.Training;

/// <summary>Learning rate for optimizer step <c>step</c> (0-based) of <c>totalSteps</c>.</summary>
public interface ILearningRateSchedule
{
    float Rate(float baseRate, int step, int totalSteps);
}
