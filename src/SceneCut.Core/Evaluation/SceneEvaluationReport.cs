namespace SceneCut.Evaluation;

/// <summary>What <c>scenecut eval --scenes</c> measured over a truth folder.</summary>
/// <param name="Clips">Per-clip scores, in file-name order.</param>
/// <param name="SkippedClips">Truth files without <c>scene_starts</c> (shot truth only), not scored.</param>
/// <param name="Overall">Scores over all scored clips.</param>
public sealed record SceneEvaluationReport(IReadOnlyList<SceneClipEvaluation> Clips, IReadOnlyList<string> SkippedClips, SceneEvaluationSummary Overall);
