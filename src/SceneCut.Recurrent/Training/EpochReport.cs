namespace SceneCut.Recurrent.Training;

/// <summary>One epoch: mean training loss, validation loss (NaN without a validation set) and mean gradient norm before clipping.</summary>
public sealed record EpochReport(int Epoch, double TrainLoss, double ValidationLoss, double MeanGradientNorm);
