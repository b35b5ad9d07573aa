namespace SceneCut.Evaluation;

/// <summary>Scene and ad-slot scores of one clip (see <see cref="SceneEvaluator"/> for the definitions).</summary>
/// <param name="Name">The truth file's name without <c>.truth.json</c>, or any label the caller gives.</param>
/// <param name="Shots">Detected shots.</param>
/// <param name="TrueSceneStarts">True scene starts (after the first scene).</param>
/// <param name="UnmatchedSceneStarts">True scene starts no detected shot starts within the shot tolerance of: misses at shot granularity.</param>
/// <param name="Labels">Every detected shot boundary (shots 1..) with its probability and label, for pooled AP.</param>
/// <param name="AveragePrecision">AP over shot boundaries; null when the clip has no true scene start.</param>
/// <param name="AtThreshold">Shot-granularity counts with a boundary predicted where the probability is ≥ 0.5.</param>
/// <param name="WithinTolerance">Predicted vs true scene starts matched one-to-one within ±1 s.</param>
/// <param name="MeanIoU">Symmetric scene mIoU in time; null when there is no scene on one side.</param>
/// <param name="AdSlots">Emitted slots and how many fell within ±0.5 s of a true scene start.</param>
/// <param name="InSceneFalseAlarms">Shots marked in the truth as not a scene boundary that got a probability ≥ 0.5.</param>
public sealed record SceneClipEvaluation(
    string Name,
    int Shots,
    int TrueSceneStarts,
    int UnmatchedSceneStarts,
    IReadOnlyList<ShotBoundaryLabel> Labels,
    double? AveragePrecision,
    MatchCounts AtThreshold,
    MatchCounts WithinTolerance,
    double? MeanIoU,
    AdSlotHits AdSlots,
    int InSceneFalseAlarms);
