using SceneCut.Evaluation;

namespace SceneCut.Scenes.Training;

/// <summary>How one method scored on the validation episodes.</summary>
/// <param name="Method">e.g. <c>every cut</c>, <c>cosine ≥ 0.21</c>, <c>LSTM</c>.</param>
/// <param name="Summary">Scene metrics over all validation episodes.</param>
/// <param name="TrainingSeconds">Wall-clock training time (0 for baselines).</param>
public sealed record SceneMethodScore(string Method, SceneEvaluationSummary Summary, double TrainingSeconds);
