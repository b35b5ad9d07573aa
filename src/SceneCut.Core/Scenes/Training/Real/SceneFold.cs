using SceneCut.Evaluation;

namespace SceneCut.Scenes.Training.Real;

/// <summary>One fold of leave-one-source-out: the held-out source's videos scored by every method, each trained or tuned without them.</summary>
/// <param name="Repository">The held-out source.</param>
/// <param name="Videos">Its videos.</param>
/// <param name="Point">The learned model's threshold and shortest scene, chosen by inner cross-validation on the other sources.</param>
/// <param name="CosineDistance">Baseline (b)'s distance, chosen on the other sources.</param>
/// <param name="Scenes">Scene-start counts per method, in <see cref="SceneCrossValidation.Methods"/> order.</param>
/// <param name="SlotScore">The learned model's minimum slot score, chosen on the other sources.</param>
/// <param name="Slots">The learned model's ad slots on the held-out videos: how many lie on a true scene start, of how many.</param>
public sealed record SceneFold(string Repository, IReadOnlyList<string> Videos, SceneOperatingPoint Point, double CosineDistance, IReadOnlyList<MatchCounts> Scenes, double SlotScore, (int Hits, int Count) Slots);
