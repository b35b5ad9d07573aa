using System.Text.Json;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Parsers;

/// <summary>Comcast's <c>scte35</c> (npm) decodes every marker of the <c>scte35</c> format to the slot's PTS, as time_signal, with a valid CRC.</summary>
public sealed class ComcastScte35Tests
{
    [NodeTheory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task EveryMarker_TimeSignalAtTheSlotsPts_CrcValid(double fps)
    {
        using var folder = new TempFolder();
        var document = Samples.Rich(fps, shotCount: 40, variableFrameRate: fps > 50);
        var path = await Writers.WriteFileAsync(OutputFormats.Scte35, document, folder, "movie");

        var read = await NodeParsers.ReadAsync("scte35", path);

        var markers = read.GetProperty("markers").EnumerateArray().ToList();
        Assert.Equal(2 * document.AdSlots.Count, markers.Count);
        for (var i = 0; i < markers.Count; i++)
        {
            AssertMarker(markers[i], document.AdSlots[i / 2]);
        }
    }

    [NodeFact]
    public async Task PtsPast33Bits_WrapsAsTheDecoderReadsIt()
    {
        using var folder = new TempFolder();
        // 100 000 s is past 2^33 ticks of 90 kHz (about 26.5 hours): the 33-bit field wraps.
        var document = Samples.OneShot() with { AdSlots = [new AdSlotEntry(2_500_000, 100_000, "27:46:40:00", 0.9, ["scene-change"])] };
        var path = await Writers.WriteFileAsync(OutputFormats.Scte35, document, folder, "long");

        var marker = (await NodeParsers.ReadAsync("scte35", path)).GetProperty("markers")[0];

        AssertMarker(marker, document.AdSlots[0]);
        Assert.Equal((100_000L * 90_000) % (1L << 33), marker.GetProperty("pts").GetInt64());
    }

    private static void AssertMarker(JsonElement marker, AdSlotEntry slot)
    {
        // The PTS the result document implies: its time to the microsecond, on the 90 kHz clock, in 33 bits.
        var pts = (long)Math.Round(ResultTimes.Round(slot.Seconds) * 90_000, MidpointRounding.AwayFromZero) % (1L << 33);
        Assert.Equal(0xFC, marker.GetProperty("tableId").GetInt32());
        Assert.Equal(6, marker.GetProperty("spliceCommandType").GetInt32());
        Assert.True(marker.GetProperty("timeSpecified").GetBoolean());
        Assert.Equal(pts, marker.GetProperty("pts").GetInt64());
        Assert.Equal(pts, marker.GetProperty("ptsFromHex").GetInt64());
        Assert.Equal([2], marker.GetProperty("descriptorTags").EnumerateArray().Select(t => t.GetInt32()));
        Assert.Equal(["CUEI"], marker.GetProperty("descriptorIdentifiers").EnumerateArray().Select(t => t.GetString()));
        Assert.True(marker.GetProperty("crcValid").GetBoolean(), $"CRC 0x{marker.GetProperty("crc").GetUInt32():X8} does not match the message");
    }
}
