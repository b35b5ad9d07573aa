using System.Text.Json.Nodes;
using SceneCut.Results;
using SceneCut.Shots;

namespace SceneCut.Tests.Results;

public sealed class ResultJsonTests
{
    private static ResultDocument Sample() => new()
    {
        Video = new VideoSection("a b.mp4", 25, 100, 4, 320, 180, "h264", 0, DecodeComplete: true),
        Shots =
        [
            new ShotEntry(0, 0, 49, 0, 2, null),
            new ShotEntry(1, 50, 99, 2, 4, new TransitionEntry(TransitionKinds.FadeThroughBlack, 40, 60, 1.6, 2.4, 0.9)),
        ],
        BlackSegments = [new BlackSegmentEntry(48, 52, 1.92, 2.12, 0.2)],
        Processing = new ProcessingSection(0.5, 200, "scenecut 0.1.0", "opencv", []),
    };

    [Fact]
    public void Serialize_UsesTheVersion1FieldNames()
    {
        var json = JsonNode.Parse(ResultJson.Serialize(Sample()))!;

        Assert.Equal(1, json["schemaVersion"]!.GetValue<int>());
        Assert.Equal(100, json["video"]!["frameCount"]!.GetValue<int>());
        Assert.Equal(4.0, json["video"]!["durationSeconds"]!.GetValue<double>());
        Assert.Null(json["shots"]![0]!["transitionIn"]);
        Assert.Equal("fade-through-black", json["shots"]![1]!["transitionIn"]!["kind"]!.GetValue<string>());
        Assert.Equal(50, json["shots"]![1]!["startFrame"]!.GetValue<int>());
        Assert.Equal(48, json["blackSegments"]![0]!["startFrame"]!.GetValue<int>());
        Assert.Empty(json["scenes"]!.AsArray());
        Assert.Empty(json["adSlots"]!.AsArray());
        Assert.Equal("scenecut 0.1.0", json["processing"]!["tool"]!.GetValue<string>());
        Assert.NotNull(json["processing"]!["elapsedSeconds"]);
        Assert.NotNull(json["processing"]!["framesPerSecond"]);
    }

    [Fact]
    public void Deserialize_RoundTrips()
    {
        var original = Sample();

        var back = ResultJson.Deserialize(ResultJson.Serialize(original));

        Assert.Equal(ResultJson.Serialize(original), ResultJson.Serialize(back));
    }

    [Theory]
    [InlineData(TransitionKind.Cut, "cut")]
    [InlineData(TransitionKind.Dissolve, "dissolve")]
    [InlineData(TransitionKind.FadeIn, "fade-in")]
    [InlineData(TransitionKind.FadeOut, "fade-out")]
    [InlineData(TransitionKind.FadeThroughBlack, "fade-through-black")]
    public void TransitionKinds_NamesRoundTrip(TransitionKind kind, string name)
    {
        Assert.Equal(name, TransitionKinds.NameOf(kind));
        Assert.Equal(kind, TransitionKinds.Parse(name));
    }
}
