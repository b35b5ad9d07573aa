namespace SceneCut.Evaluation;

/// <summary>Scores of one clip at each tolerance.</summary>
/// <param name="Name">The truth file's name without <c>.truth.json</c>.</param>
/// <param name="ByTolerance">Counts at k = 0, 1, 2, … (index = k).</param>
/// <param name="Predicted">What was predicted, for diagnosis.</param>
/// <param name="Truth">What was expected.</param>
public sealed record ClipEvaluation(string Name, IReadOnlyList<BoundaryMatch> ByTolerance, IReadOnlyList<BoundaryInterval> Predicted, IReadOnlyList<BoundaryInterval> Truth);
