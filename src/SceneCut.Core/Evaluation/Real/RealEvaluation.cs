namespace SceneCut.Evaluation.Real;

/// <summary>One real video scored: SceneCut's result, its shot boundaries taken as scenes, and a peer when given.</summary>
/// <param name="Truth">The truth scored against.</param>
/// <param name="Detected">SceneCut's transitions and scenes.</param>
/// <param name="EveryShotAsScene">Scenes when every detected shot boundary starts one (the baseline scenes must beat).</param>
/// <param name="Peer">The peer's cuts as transitions and as scenes; null without a peer.</param>
public sealed record RealEvaluation(RealTruth Truth, RealVideoScore Detected, MatchCounts EveryShotAsScene, RealVideoScore? Peer);
