namespace SceneCut.Evaluation;

/// <summary>One detected shot boundary (a shot i ≥ 1) with the model's probability and whether a true scene starts there.</summary>
/// <param name="Probability">The model's probability that a scene starts at this shot.</param>
/// <param name="IsSceneStart">True when a true scene start maps to this shot.</param>
public readonly record struct ShotBoundaryLabel(double Probability, bool IsSceneStart);
