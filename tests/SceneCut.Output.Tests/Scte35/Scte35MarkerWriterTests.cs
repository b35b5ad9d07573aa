using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using SceneCut.Output.Scte35;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Scte35;

public sealed class Scte35MarkerWriterTests
{
    private static readonly XNamespace Scte = "urn:scte:scte35:2013:xml";

    [Theory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task EachSlot_StartAndEnd_DecodeToItsPtsAndDuration(double fps)
    {
        var document = Samples.Rich(fps, shotCount: 40, variableFrameRate: fps > 50);

        using var json = JsonDocument.Parse(await Writers.WriteAsync(OutputFormats.Scte35, document));

        var markers = json.RootElement.GetProperty("markers").EnumerateArray().ToList();
        Assert.Equal(2 * document.AdSlots.Count, markers.Count);
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = markers[i];
            var slot = document.AdSlots[i / 2];
            var start = i % 2 == 0;
            var pts = (long)Math.Round(ResultTimes.Round(slot.Seconds) * 90_000, MidpointRounding.AwayFromZero);
            Assert.Equal(i / 2 + 1, marker.GetProperty("slot").GetInt32());
            Assert.Equal(slot.Frame, marker.GetProperty("frame").GetInt32());
            Assert.Equal(ResultTimes.Round(slot.Seconds), marker.GetProperty("seconds").GetDouble());
            Assert.Equal(pts, marker.GetProperty("pts").GetInt64());

            var bytes = Convert.FromBase64String(marker.GetProperty("base64").GetString()!);
            Assert.Equal("0x" + Convert.ToHexString(bytes), marker.GetProperty("hex").GetString());
            var section = Scte35Decoder.Decode(bytes);
            Assert.Equal(pts, section.PtsTime);
            var descriptor = Assert.Single(section.Descriptors);
            Assert.Equal((uint)(i / 2 + 1), descriptor.EventId);
            Assert.Equal(start ? SegmentationTypes.ProviderPlacementOpportunityStart : SegmentationTypes.ProviderPlacementOpportunityEnd, descriptor.TypeId);
            Assert.Equal(start ? 30 * 90_000L : null, descriptor.Duration);
            Assert.Equal(UpidTypes.Uri, descriptor.UpidType);
            Assert.Equal("urn:scenecut:video:Sample%20film%20%E2%80%93%20%C3%9Cn%C3%AFc%C3%B6d%C3%A9%20name.mp4", Encoding.ASCII.GetString(descriptor.Upid));
        }
    }

    [Fact]
    public async Task Xml_CarriesTheSameFieldsAsTheBinary()
    {
        var document = Samples.Rich(25, shotCount: 40);

        using var json = JsonDocument.Parse(await Writers.WriteAsync(OutputFormats.Scte35, document, new WriterContext(new OutputOptions { AdBreakSeconds = 60 })));

        foreach (var marker in json.RootElement.GetProperty("markers").EnumerateArray())
        {
            var binary = Scte35Decoder.Decode(Convert.FromBase64String(marker.GetProperty("base64").GetString()!));
            var xml = XElement.Parse(marker.GetProperty("xml").GetString()!);
            Assert.Equal(Scte + "SpliceInfoSection", xml.Name);
            Assert.Equal(binary.PtsTime, (long)xml.Element(Scte + "TimeSignal")!.Element(Scte + "SpliceTime")!.Attribute("ptsTime")!);
            var segmentation = xml.Element(Scte + "SegmentationDescriptor")!;
            var descriptor = binary.Descriptors[0];
            Assert.Equal(descriptor.EventId, (uint)segmentation.Attribute("segmentationEventId")!);
            Assert.Equal(descriptor.TypeId, (int)segmentation.Attribute("segmentationTypeId")!);
            Assert.Equal(descriptor.Duration, (long?)segmentation.Attribute("segmentationDuration"));
            Assert.Equal(Convert.ToHexString(descriptor.Upid), segmentation.Element(Scte + "SegmentationUpid")!.Value);
        }

        Assert.Equal(60 * 90_000L, json.RootElement.GetProperty("markers")[0].GetProperty("durationPts").GetInt64());
    }

    [Fact]
    public void Upid_NameTooLongForAUpid_HashedToStayUnder255Bytes()
    {
        var upid = SlotSignals.Upid(new string('é', 200) + ".mp4");

        Assert.True(upid.Length <= 255);
        Assert.StartsWith("urn:scenecut:video-sha256:", Encoding.ASCII.GetString(upid), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoSlots_NoMarkers()
    {
        using var json = JsonDocument.Parse(await Writers.WriteAsync(OutputFormats.Scte35, Samples.Empty()));

        Assert.Equal(0, json.RootElement.GetProperty("markers").GetArrayLength());
    }
}
