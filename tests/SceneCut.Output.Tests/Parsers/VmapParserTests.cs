using System.Globalization;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Parsers;

/// <summary>Dailymotion's <c>@dailymotion/vmap</c> reads our VMAP: one linear break per slot at its time to the millisecond, with its ad tag.</summary>
public sealed class VmapParserTests
{
    [NodeFact]
    public async Task EveryBreak_AtTheSlotsOffset_WithTheConfiguredTag()
    {
        using var folder = new TempFolder();
        var document = Samples.Rich(30000.0 / 1001, shotCount: 40, path: "/media/Film & \"friends\".mp4");
        var options = new OutputOptions { VastTagTemplate = "https://ads.test/vast?slot={index}&ms={milliseconds}&v={video}", VastTemplateType = "vast4" };
        var path = await Writers.WriteFileAsync(OutputFormats.Vmap, document, folder, "film", new WriterContext(options));

        var read = await NodeParsers.ReadAsync("vmap", path);

        Assert.Equal("1.0", read.GetProperty("version").GetString());
        var breaks = read.GetProperty("adBreaks").EnumerateArray().ToList();
        Assert.Equal(document.AdSlots.Count, breaks.Count);
        for (var i = 0; i < breaks.Count; i++)
        {
            var ms = (long)Math.Round(document.AdSlots[i].Seconds * 1000, MidpointRounding.AwayFromZero);
            var offset = TimeSpan.ParseExact(breaks[i].GetProperty("timeOffset").GetString()!, @"hh\:mm\:ss\.fff", CultureInfo.InvariantCulture);
            Assert.Equal(ms, (long)offset.TotalMilliseconds);
            Assert.Equal("linear", breaks[i].GetProperty("breakType").GetString());
            Assert.Equal($"slot-{i + 1}", breaks[i].GetProperty("breakId").GetString());
            Assert.Equal("vast4", breaks[i].GetProperty("templateType").GetString());
            Assert.Equal($"https://ads.test/vast?slot={i + 1}&ms={ms}&v=Film%20%26%20%22friends%22.mp4", breaks[i].GetProperty("uri").GetString());
        }
    }
}
