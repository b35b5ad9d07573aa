namespace SceneCut.Recurrent.Training;

/// <summary>The epochs run and the one whose weights the model holds at the end.</summary>
public sealed record TrainingReport(IReadOnlyList<EpochReport> Epochs, int BestEpoch, bool StoppedEarly)
{
    public EpochReport Last => Epochs[^1];
}
