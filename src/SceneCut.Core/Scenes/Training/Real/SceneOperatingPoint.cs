namespace SceneCut.Scenes.Training.Real;

/// <summary>Where detection turns probabilities into scenes: the threshold and the shortest scene.</summary>
/// <param name="Threshold">A scene starts at p ≥ this.</param>
/// <param name="MinSceneSeconds">Of two starts closer than this, only the more probable one stays.</param>
public readonly record struct SceneOperatingPoint(double Threshold, double MinSceneSeconds);
