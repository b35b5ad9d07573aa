namespace SceneCut.Scenes.Training;

/// <summary>A training or validation episode: shots in order and, per shot, 1 when a new scene starts there.</summary>
/// <param name="Shots">The episode's shots.</param>
/// <param name="Labels">One label per shot (the first is always 0: nothing came before).</param>
/// <param name="Sources">The source of each spliced segment, in order (for diagnosis).</param>
public sealed record SceneEpisode(IReadOnlyList<ShotSummary> Shots, float[] Labels, IReadOnlyList<string> Sources);
