using SceneCut.Recurrent.Training;

namespace SceneCut.Scenes.Training.Labels;

/// <summary>What fine-tuning did.</summary>
/// <param name="Training">Per member of the model (one for a single network): the epochs run and the one kept.</param>
/// <param name="Before">Mean probability at labelled scene starts and at the other shots, before.</param>
/// <param name="After">The same after fine-tuning.</param>
/// <param name="HeldOutShots">Shots held out for early stopping (0: none, every epoch ran).</param>
public sealed record FineTuneReport(IReadOnlyList<TrainingReport> Training, LabelledMeans Before, LabelledMeans After, int HeldOutShots);
