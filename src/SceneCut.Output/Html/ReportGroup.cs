using SceneCut.Results;

namespace SceneCut.Output.Html;

/// <summary>A block of the report's thumbnail strips: a scene, or the whole video when the document has no scenes.</summary>
/// <param name="Id">Fragment id, e.g. <c>scene-3</c>.</param>
/// <param name="Title">Heading.</param>
/// <param name="Scene">The scene, or null for the whole-video group.</param>
/// <param name="Shots">Its shots.</param>
internal sealed record ReportGroup(string Id, string Title, SceneEntry? Scene, IReadOnlyList<ShotEntry> Shots)
{
    /// <summary>Scenes with their shots, or one group of every shot.</summary>
    public static IReadOnlyList<ReportGroup> From(ResultDocument document)
    {
        if (document.Scenes.Count == 0)
        {
            return document.Shots.Count == 0 ? [] : [new ReportGroup("all-shots", "All shots (this result has no scenes)", null, document.Shots)];
        }

        return document.Scenes.Select((scene, i) => new ReportGroup(
            $"scene-{i + 1}",
            $"Scene {i + 1}",
            scene,
            document.Shots.Where(s => s.Index >= scene.FirstShot && s.Index <= scene.LastShot).ToList())).ToList();
    }
}
