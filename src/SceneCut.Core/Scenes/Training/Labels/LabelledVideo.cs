namespace SceneCut.Scenes.Training.Labels;

/// <summary>A user's video with known scene starts (and, optionally, cuts known to lie inside a scene).</summary>
/// <param name="VideoPath">The video file.</param>
/// <param name="SceneStarts">Where new scenes (or ad breaks) start.</param>
/// <param name="NotSceneBoundaries">Cuts known not to start a scene.</param>
/// <param name="LabelFile">The file the labels came from, for messages.</param>
public sealed record LabelledVideo(string VideoPath, IReadOnlyList<LabelTime> SceneStarts, IReadOnlyList<LabelTime> NotSceneBoundaries, string LabelFile);
