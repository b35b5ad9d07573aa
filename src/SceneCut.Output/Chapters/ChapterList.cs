using SceneCut.Results;

namespace SceneCut.Output.Chapters;

/// <summary>The chapters of a document: one per scene, or one per shot while a document has no scenes.</summary>
internal static class ChapterList
{
    /// <summary>
    /// Scenes when there are any. A document without scenes (the scene model did not run) still gets useful
    /// chapters from its shots, titled as shots so no reader mistakes them for scenes.
    /// </summary>
    public static IReadOnlyList<Chapter> From(ResultDocument document)
    {
        if (document.Scenes.Count > 0)
        {
            return document.Scenes.Select((s, i) => new Chapter(i + 1, s.StartSeconds, s.EndSeconds, $"Scene {i + 1}")).ToList();
        }

        return document.Shots.Select((s, i) => new Chapter(i + 1, s.StartSeconds, s.EndSeconds, $"Shot {i + 1}")).ToList();
    }

    /// <summary>Whole milliseconds, the unit of <c>TIMEBASE=1/1000</c> and of WebVTT timestamps.</summary>
    public static long Milliseconds(double seconds) => (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);
}
