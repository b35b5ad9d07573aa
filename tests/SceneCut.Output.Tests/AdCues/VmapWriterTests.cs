using System.Xml;
using System.Xml.Linq;
using SceneCut.Output.AdCues;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.AdCues;

public sealed class VmapWriterTests
{
    private static readonly XNamespace Vmap = "http://www.iab.net/videosuite/vmap";

    [Theory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task WellFormed_OneLinearBreakPerSlot_OffsetsEqualSlots(double fps)
    {
        var document = Samples.Rich(fps, shotCount: 40);

        var xml = Load(await Writers.WriteAsync(OutputFormats.Vmap, document));

        Assert.Equal(Vmap + "VMAP", xml.Root!.Name);
        Assert.Equal("1.0", (string?)xml.Root.Attribute("version"));
        var breaks = xml.Root.Elements(Vmap + "AdBreak").ToList();
        Assert.Equal(document.AdSlots.Count, breaks.Count);
        foreach (var (adBreak, slot) in breaks.Zip(document.AdSlots))
        {
            Assert.Equal("linear", (string?)adBreak.Attribute("breakType"));
            var offset = TimeSpan.ParseExact((string)adBreak.Attribute("timeOffset")!, @"hh\:mm\:ss\.fff", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(slot.Seconds, offset.TotalSeconds, 0.0006);
            var tag = adBreak.Element(Vmap + "AdSource")!.Element(Vmap + "AdTagURI")!;
            Assert.Equal("vast3", (string?)tag.Attribute("templateType"));
            Assert.True(Uri.TryCreate(tag.Value.Trim(), UriKind.Absolute, out _), tag.Value);
            var numbers = adBreak.Element(Vmap + "Extensions")!.Element(Vmap + "Extension")!.Elements().Single();
            Assert.Equal(slot.Timecode, (string?)numbers.Attribute("timecode"));
            Assert.Equal(slot.Frame, (int)numbers.Attribute("frame")!);
        }
    }

    [Fact]
    public async Task TagTemplate_FilledWithEncodedValues()
    {
        var document = Samples.Rich(25, path: "/in/<img src=x onerror=alert(1)>&.mp4");
        var options = new OutputOptions { VastTagTemplate = "https://ads.test/vast?n={index}&t={timecode}&ms={milliseconds}&v={video}" };

        var text = await Writers.WriteAsync(OutputFormats.Vmap, document, new WriterContext(options));
        var tag = Load(text).Descendants(Vmap + "AdTagURI").First().Value.Trim();

        var slot = document.AdSlots[0];
        Assert.Equal($"https://ads.test/vast?n=1&t={Uri.EscapeDataString(slot.Timecode)}&ms={(long)Math.Round(slot.Seconds * 1000)}&v=%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%26.mp4", tag);
        Assert.DoesNotContain("<img", text, StringComparison.Ordinal);
        Assert.Contains("&amp;t=", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileReasons_EscapedInAttributes()
    {
        var document = Samples.Rich(25, reasons: ["\"/><script>alert(1)</script>"]);

        var text = await Writers.WriteAsync(OutputFormats.Vmap, document);

        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        Assert.Equal("\"/><script>alert(1)</script>", (string?)Load(text).Descendants().First(e => e.Name.LocalName == "Slot").Attribute("reasons"));
    }

    [Fact]
    public async Task NoSlots_EmptyVmap()
    {
        var xml = Load(await Writers.WriteAsync(OutputFormats.Vmap, Samples.Empty()));

        Assert.Empty(xml.Root!.Elements());
    }

    [Fact]
    public void TimeOffset_PastADay_KeepsCountingHours() => Assert.Equal("25:00:01.500", VmapWriter.TimeOffset(90001.5));

    private static XDocument Load(string text)
    {
        // Strict reader: a malformed document throws here.
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return XDocument.Load(reader);
    }
}
