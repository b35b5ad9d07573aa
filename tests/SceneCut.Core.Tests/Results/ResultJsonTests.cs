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

    [Fact]
    public void RoundTrip_KeepsDamagedFramesDecodeHealthAndDamagedTransitions()
    {
        var document = Sample() with
        {
            Shots =
            [
                new ShotEntry(0, 0, 49, 0, 2, null),
                new ShotEntry(1, 50, 99, 2, 4, new TransitionEntry(TransitionKinds.Cut, 50, 50, 2, 2, 0.9) { Damaged = true }),
            ],
            Processing = Sample().Processing with
            {
                DamagedFrames = [new DamagedFramesEntry(49, 51, 1.96, 2.08, 2, ["h264: error while decoding MB 12 0, bytestream 488"])],
                DecodeHealth = new DecodeHealthSection(true, 3, 0.03, 1, 2),
            },
        };

        var json = JsonNode.Parse(ResultJson.Serialize(document))!;
        var back = ResultJson.Deserialize(ResultJson.Serialize(document));

        Assert.True(json["shots"]![1]!["transitionIn"]!["damaged"]!.GetValue<bool>());
        Assert.Equal(49, json["processing"]!["damagedFrames"]![0]!["startFrame"]!.GetValue<int>());
        Assert.Equal(0.03, json["processing"]!["decodeHealth"]!["damagedShare"]!.GetValue<double>());
        Assert.True(back.Shots[1].TransitionIn!.Damaged);
        Assert.Equal(document.Processing.DecodeHealth, back.Processing.DecodeHealth);
        Assert.Equal(["h264: error while decoding MB 12 0, bytestream 488"], back.Processing.DamagedFrames[0].Messages);
    }

    [Fact]
    public void Deserialize_DocumentWrittenBeforeDamageWasReported_HasNoneAndNoHealth()
    {
        var json = JsonNode.Parse(ResultJson.Serialize(Sample()))!;
        json["processing"]!.AsObject().Remove("damagedFrames");
        json["processing"]!.AsObject().Remove("decodeHealth");

        var back = ResultJson.Deserialize(json.ToJsonString());

        Assert.Empty(back.Processing.DamagedFrames);
        Assert.Null(back.Processing.DecodeHealth);
        Assert.False(back.Shots[1].TransitionIn!.Damaged);
    }
}
