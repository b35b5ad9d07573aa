using SceneCut.Jobs.Output;
using SceneCut.Results;

namespace SceneCut.Jobs.Tests.Output;

/// <summary>Batch and worker write every format the CLI writes, through the same writers.</summary>
public sealed class OutputFormatsTests
{
    private static ResultDocument Document() => new()
    {
        Video = new VideoSection("/nowhere/clip <1>.mp4", 25, 100, 4, 320, 180, "h264", 0, DecodeComplete: true),
        Shots =
        [
            new ShotEntry(0, 0, 49, 0, 2, null),
            new ShotEntry(1, 50, 99, 2, 4, new TransitionEntry(TransitionKinds.Cut, 50, 50, 2, 2, 0.9)),
        ],
        BlackSegments = [],
        Scenes = [new SceneEntry(0, 0, 0, 0, 49, 0, 2, 1), new SceneEntry(1, 1, 1, 50, 99, 2, 4, 0.95)],
        AdSlots = [new AdSlotEntry(50, 2, "00:00:02:00", 0.95, ["scene-change"])],
        Processing = new ProcessingSection(0.1, 1000, "scenecut test", "opencv", []),
    };

    [Theory]
    [InlineData("json", "scenecut.json", "\"schemaVersion\"")]
    [InlineData("csv", "scenecut.csv", "shot,")]
    [InlineData("edl", "scenecut.edl", "TITLE:")]
    [InlineData("chapters", "scenecut.ffmetadata", ";FFMETADATA1")]
    [InlineData("vtt", "scenecut.chapters.vtt", "WEBVTT")]
    [InlineData("cues", "scenecut.cues.json", "\"pts\"")]
    [InlineData("vmap", "scenecut.vmap.xml", "vmap:AdBreak")]
    [InlineData("html", "scenecut.html", "<!DOCTYPE html>")]
    public void All_EveryWriterFormat_RendersWithItsSuffix(string format, string suffix, string marker)
    {
        var output = OutputFormats.All[format];

        Assert.Equal(suffix, output.Suffix);
        Assert.Contains(marker, output.Render(Document()), StringComparison.OrdinalIgnoreCase);
    }
}
