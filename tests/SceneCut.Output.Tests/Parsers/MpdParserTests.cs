using System.Xml.Linq;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Parsers;

/// <summary>video.js <c>mpd-parser</c> reads our EventStream inside a real MPD made by ffmpeg's DASH muxer.</summary>
public sealed class MpdParserTests
{
    private static readonly XNamespace Mpd = "urn:mpeg:dash:schema:mpd:2011";

    [NodeFact]
    public async Task EventStream_InAnFfmpegMpdPeriod_OneEventPerSlotAtItsTime()
    {
        using var folder = new TempFolder();
        var manifest = folder.File("manifest.mpd");
        await ExternalTool.RunAsync(
            "ffmpeg",
            ["-v", "error", "-i", Path.Combine(SharedData.RepositoryRoot, "samples", "demo", "demo.mp4"), "-c", "copy", "-f", "dash", manifest],
            TimeSpan.FromMinutes(2));
        var document = Samples.Rich(25, shotCount: 12, shotFrames: 30, shotsPerScene: 2);
        var events = XDocument.Load(await Writers.WriteFileAsync(OutputFormats.Dash, document, folder, "demo")).Root!;
        var mpd = XDocument.Load(manifest);
        // The schema's order: an EventStream comes before the period's first AdaptationSet.
        mpd.Root!.Element(Mpd + "Period")!.Element(Mpd + "AdaptationSet")!.AddBeforeSelf(events);
        mpd.Save(manifest);

        var read = await NodeParsers.ReadAsync("mpd", manifest);

        Assert.True(read.GetProperty("playlists").GetInt32() > 0);
        var parsed = read.GetProperty("eventStream").EnumerateArray().ToList();
        Assert.Equal(document.AdSlots.Count, parsed.Count);
        Assert.NotEmpty(parsed);
        for (var i = 0; i < parsed.Count; i++)
        {
            var slot = document.AdSlots[i];
            var start = parsed[i].GetProperty("start").GetDouble();
            Assert.Equal("urn:scte:scte35:2013:xml", parsed[i].GetProperty("schemeIdUri").GetString());
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), parsed[i].GetProperty("id").GetString());
            Assert.Equal(Math.Round(slot.Seconds * 1000), Math.Round(start * 1000));
            Assert.Equal(30, parsed[i].GetProperty("end").GetDouble() - start, 1e-9);
        }
    }
}
