namespace SceneCut.Evaluation;

/// <summary>Scene and ad-slot scores over several clips.</summary>
/// <param name="Clips">Clips scored.</param>
/// <param name="AveragePrecision">AP over the shot boundaries of all clips pooled (as LGSS/BaSSL pool a test set); null without any true scene start.</param>
/// <param name="AtThreshold">Shot-granularity counts at 0.5, summed (micro average).</param>
/// <param name="WithinTolerance">±1 s counts, summed (micro average).</param>
/// <param name="MeanIoU">Mean of the clips' symmetric mIoU (per video, then averaged, as LGSS); null when no clip has one.</param>
/// <param name="AdSlots">Slots and hits, summed (micro average).</param>
/// <param name="InSceneFalseAlarms">Known in-scene shot boundaries called scene starts, summed.</param>
public sealed record SceneEvaluationSummary(
    int Clips,
    double? AveragePrecision,
    MatchCounts AtThreshold,
    MatchCounts WithinTolerance,
    double? MeanIoU,
    AdSlotHits AdSlots,
    int InSceneFalseAlarms);
