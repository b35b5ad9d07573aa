using System.Xml.Linq;
using SceneCut.Output.Scte35;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Dash;

public sealed class DashEventStreamWriterTests
{
    private static readonly XNamespace Mpd = "urn:mpeg:dash:schema:mpd:2011";
    private static readonly XNamespace Scte = "urn:scte:scte35:2013:xml";

    [Fact]
    public async Task OneEventPerSlot_AtItsPts_LastingTheBreak_WithItsSignal()
    {
        var document = Samples.Rich(30000.0 / 1001, shotCount: 40);

        var stream = XDocument.Parse(await Writers.WriteAsync(OutputFormats.Dash, document)).Root!;

        Assert.Equal(Mpd + "EventStream", stream.Name);
        Assert.Equal("urn:scte:scte35:2013:xml", (string?)stream.Attribute("schemeIdUri"));
        Assert.Equal(90000, (int)stream.Attribute("timescale")!);
        var events = stream.Elements(Mpd + "Event").ToList();
        var signals = SlotSignals.For(document, new OutputOptions());
        Assert.Equal(signals.Count, events.Count);
        foreach (var (e, signal) in events.Zip(signals))
        {
            Assert.Equal(signal.Pts, (long)e.Attribute("presentationTime")!);
            Assert.Equal(30 * 90_000L, (long)e.Attribute("duration")!);
            var section = e.Element(Scte + "SpliceInfoSection")!;
            Assert.Equal(signal.Pts, (long)section.Descendants(Scte + "SpliceTime").Single().Attribute("ptsTime")!);
            Assert.Equal(52, (int)section.Element(Scte + "SegmentationDescriptor")!.Attribute("segmentationTypeId")!);
        }
    }
}
