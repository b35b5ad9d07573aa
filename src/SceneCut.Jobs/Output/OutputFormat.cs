using SceneCut.Results;

namespace SceneCut.Jobs.Output;

/// <summary>One result format: the suffix its file gets after the source file name, and how to render it.</summary>
/// <param name="Suffix">Appended to the source file name, e.g. <c>scenecut.json</c> gives <c>movie.mp4.scenecut.json</c>.</param>
/// <param name="Render">The file's whole content for one result document.</param>
public sealed record OutputFormat(string Suffix, Func<ResultDocument, string> Render);
