namespace SceneCut.Scenes.Training.Labels;

/// <summary>Mean model probability at labelled scene starts and at every other shot i ≥ 1.</summary>
public sealed record LabelledMeans(double AtSceneStarts, double Elsewhere);
