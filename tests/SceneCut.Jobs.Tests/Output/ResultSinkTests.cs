using System.Text;
using SceneCut.Jobs.Output;
using SceneCut.Output;
using SceneCut.Results;

namespace SceneCut.Jobs.Tests.Output;

/// <summary>Batch and worker write every format the CLI writes, through the same sink, with the configured options.</summary>
public sealed class ResultSinkTests
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
    public async Task EveryWriterFormat_RendersWithItsSuffix(string format, string suffix, string marker)
    {
        var sink = new ResultSink(new OutputOptions());
        var writer = sink.Registry.Get(format);
        var layout = new OutputLayout("/results");

        Assert.Equal(Path.GetFullPath("/results/day1/clip.mp4." + suffix), layout.PathFor("day1/clip.mp4", writer));
        Assert.Contains(marker, Encoding.UTF8.GetString(await sink.RenderAsync(writer, Document(), CancellationToken.None)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RenderAsync_ConfiguredOptions_ReachTheFormats()
    {
        var sink = new ResultSink(new OutputOptions { VastTagTemplate = "https://ads.test/tag?n={index}", EdlStartTimecode = "01:00:00:00" });

        var vmap = Encoding.UTF8.GetString(await sink.RenderAsync(sink.Registry.Get("vmap"), Document(), CancellationToken.None));
        var edl = Encoding.UTF8.GetString(await sink.RenderAsync(sink.Registry.Get("edl"), Document(), CancellationToken.None));

        Assert.Contains("https://ads.test/tag?n=1", vmap, StringComparison.Ordinal);
        Assert.DoesNotContain("ads.example.com", vmap, StringComparison.Ordinal);
        Assert.Contains("01:00:00:00", edl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escaped.mp4")]
    [InlineData("day1/../../escaped.mp4")]
    [InlineData("/etc/escaped.mp4")]
    public void PathFor_RelativePathLeavingTheOutputFolder_IsRefusedNamingThePath(string relativeSource)
    {
        using var folder = new TempFolder();
        var layout = new OutputLayout(folder.Sub("results"));

        var error = Assert.Throws<OutputPathOutsideFolderException>(() => layout.PathFor(relativeSource, "scenecut.json"));
        Assert.Contains(relativeSource, error.Message, StringComparison.Ordinal);
        Assert.Throws<OutputPathOutsideFolderException>(() => layout.ErrorPathFor(relativeSource));
        Assert.Throws<OutputPathOutsideFolderException>(() => OutputLayout.Inside(folder.Sub("quarantine"), relativeSource));
    }

    [Fact]
    public void PathFor_DotDotThatStaysInside_IsContained()
    {
        using var folder = new TempFolder();
        var layout = new OutputLayout(folder.Sub("results"));

        Assert.Equal(Path.Combine(layout.Root, "b.mp4.scenecut.json"), layout.PathFor("a/../b.mp4", "scenecut.json"));
    }
}
