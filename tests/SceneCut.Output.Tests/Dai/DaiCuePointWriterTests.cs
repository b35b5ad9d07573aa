using System.Text.Json;
using SceneCut.Output.Dai;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Dai;

public sealed class DaiCuePointWriterTests
{
    [Theory]
    [InlineData(55.532, "55.532s")]
    [InlineData(0, "0.000s")]
    [InlineData(12.0119999, "12.012s")]
    [InlineData(3725.0005, "3725.001s")]
    public void CuePoint_SecondsToTheMillisecond(double seconds, string expected) => Assert.Equal(expected, DaiCuePointWriter.CuePoint(seconds));

    [Fact]
    public async Task OneCuePointPerSlot_InOrder()
    {
        var document = Samples.Rich(30000.0 / 1001, shotCount: 40);

        using var json = JsonDocument.Parse(await Writers.WriteAsync(OutputFormats.Dai, document));

        var cues = json.RootElement.GetProperty("cuePoints").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(document.AdSlots.Select(s => DaiCuePointWriter.CuePoint(s.Seconds)), cues);
        Assert.All(cues, c => Assert.Matches(@"^\d+\.\d{3}s$", c));
    }
}
