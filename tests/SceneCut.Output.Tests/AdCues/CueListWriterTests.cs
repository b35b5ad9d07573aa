using System.Text.Json;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.AdCues;

public sealed class CueListWriterTests
{
    [Theory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task EachSlot_FrameSecondsTimecodeAndPts(double fps)
    {
        var document = Samples.Rich(fps, shotCount: 40, variableFrameRate: fps > 50);

        using var json = JsonDocument.Parse(await Writers.WriteAsync(OutputFormats.Cues, document));

        var root = json.RootElement;
        Assert.Equal("scenecut-ad-cues", root.GetProperty("type").GetString());
        Assert.Equal(90000, root.GetProperty("ptsClock").GetInt32());
        Assert.Equal(Timecode.IsDropFrameRate(fps), root.GetProperty("dropFrame").GetBoolean());
        var cues = root.GetProperty("cues").EnumerateArray().ToList();
        Assert.Equal(document.AdSlots.Count, cues.Count);
        foreach (var (cue, slot) in cues.Zip(document.AdSlots))
        {
            Assert.Equal(slot.Frame, cue.GetProperty("frame").GetInt32());
            Assert.Equal(ResultTimes.Round(slot.Seconds), cue.GetProperty("seconds").GetDouble());
            Assert.Equal(slot.Timecode, cue.GetProperty("timecode").GetString());
            Assert.Equal((long)Math.Round(slot.Seconds * 90000, MidpointRounding.AwayFromZero), cue.GetProperty("pts").GetInt64());
            Assert.Equal(slot.Reasons, cue.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        }
    }

    [Fact]
    public async Task PtsWrapsAt33Bits()
    {
        // 26.5 hours: past 2^33 ticks of 90 kHz.
        const double seconds = 100_000;
        var document = Samples.OneShot() with { AdSlots = [new AdSlotEntry(2_500_000, seconds, "03:46:40:00", 0.9, ["scene-change"])] };

        using var json = JsonDocument.Parse(await Writers.WriteAsync(OutputFormats.Cues, document));

        Assert.Equal((long)(seconds * 90000) % (1L << 33), json.RootElement.GetProperty("cues")[0].GetProperty("pts").GetInt64());
    }

    [Fact]
    public async Task NoSlots_EmptyCueList()
    {
        using var json = JsonDocument.Parse(await Writers.WriteAsync(OutputFormats.Cues, Samples.Empty()));

        Assert.Equal(0, json.RootElement.GetProperty("cues").GetArrayLength());
    }

    [Fact]
    public async Task HostileName_StaysAJsonString()
    {
        const string name = "<img src=x onerror=alert(1)>\".mp4";

        var text = await Writers.WriteAsync(OutputFormats.Cues, Samples.Rich(path: name));

        using var json = JsonDocument.Parse(text);
        Assert.Equal(name, json.RootElement.GetProperty("video").GetString());
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
    }
}
