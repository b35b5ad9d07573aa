using SceneCut.Output.Hls;
using SceneCut.Output.Scte35;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Hls;

public sealed class HlsConditionerTests
{
    [Fact]
    public void SlotOnABoundary_MarkedBeforeThatSegment_NotMidSegment()
    {
        var document = WithSlots(25, (150, 6.0));

        var result = Condition(document, VodPlaylists.Text(10, 2));

        var placement = Assert.Single(result.Placements);
        Assert.Equal((3, "seg3.ts", 6.0, 0.0), (placement.SegmentIndex, placement.SegmentUri, placement.BoundarySeconds, placement.OffsetSeconds));
        Assert.False(placement.IsMidSegment);
        var lines = result.Text.Split('\n');
        var segment = Array.IndexOf(lines, "seg3.ts");
        Assert.Equal("#EXT-X-CUE-IN", lines[segment - 2]);
        Assert.StartsWith("#EXT-X-CUE-OUT:DURATION=30", lines[segment - 3], StringComparison.Ordinal);
        Assert.StartsWith("#EXT-X-DATERANGE:ID=\"scenecut-slot-1\",START-DATE=\"1970-01-01T00:00:06.000Z\",PLANNED-DURATION=30,SCTE35-OUT=0xFC", lines[segment - 4], StringComparison.Ordinal);
        Assert.Empty(result.Warnings("index.m3u8"));
    }

    [Fact]
    public void SlotMidSegment_NearestBoundary_AndTheOffsetIsReported()
    {
        // 6.6 s: 0.6 s into seg3 (6–8 s); seg3's start is nearer than seg4's.
        var document = WithSlots(25, (165, 6.6));

        var result = Condition(document, VodPlaylists.Text(10, 2));

        var placement = Assert.Single(result.Placements);
        Assert.Equal((3, 6.0, -0.6), (placement.SegmentIndex, placement.BoundarySeconds, placement.OffsetSeconds));
        var warning = Assert.Single(result.Warnings("index.m3u8"));
        Assert.Equal("hls: ad slot 1 at 6.6 s falls mid-segment in index.m3u8; marked at the boundary before seg3.ts (6 s), 0.6 s before the slot", warning);
        Assert.Contains("# " + HlsConditioning.Warning(placement, "this playlist"), result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SlotWithinHalfAFrameOfABoundary_CountsAsOnIt()
    {
        // EXTINF 2.002 × 3 = 6.006 s; the frame at 29.97 fps is 6.006 s too, up to rounding.
        var document = WithSlots(30000.0 / 1001, (180, 180 * 1001 / 30000.0 + 0.00001));

        var placement = Assert.Single(Condition(document, VodPlaylists.Text(10, 2.002)).Placements);

        Assert.Equal((3, 0.0), (placement.SegmentIndex, placement.OffsetSeconds));
    }

    [Fact]
    public void SignalsInTheTags_AreTheScte35FormatsMessages()
    {
        var document = WithSlots(25, (150, 6.0), (400, 16.0));

        var result = Condition(document, VodPlaylists.Text(10, 2));

        var signals = SlotSignals.For(document, new OutputOptions());
        foreach (var signal in signals)
        {
            Assert.Contains($"SCTE35-OUT={Scte35MarkerWriter.Hex(signal.StartBytes)},SCTE35-IN={Scte35MarkerWriter.Hex(signal.EndBytes)}", result.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoProgramDateTime_EpochAnchorAddedOnce_ExistingOneUsed()
    {
        var document = WithSlots(25, (150, 6.0));

        var anchored = Condition(document, VodPlaylists.Text(10, 2));
        var dated = Condition(document, VodPlaylists.Text(10, 2).Replace("#EXTINF:2.000000,\nseg0.ts", "#EXT-X-PROGRAM-DATE-TIME:2026-01-02T10:00:00.000Z\n#EXTINF:2.000000,\nseg0.ts", StringComparison.Ordinal));

        Assert.Single(anchored.Text.Split('\n'), l => l.StartsWith("#EXT-X-PROGRAM-DATE-TIME:1970-01-01T00:00:00.000Z", StringComparison.Ordinal));
        Assert.Single(dated.Text.Split('\n'), l => l.StartsWith("#EXT-X-PROGRAM-DATE-TIME", StringComparison.Ordinal));
        Assert.Contains("START-DATE=\"2026-01-02T10:00:06.000Z\"", dated.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void SlotPastTheEnd_NotMarked_AndSaidSo()
    {
        var document = WithSlots(25, (1000, 40.0));

        var result = Condition(document, VodPlaylists.Text(10, 2));

        Assert.False(Assert.Single(result.Placements).IsMarked);
        Assert.DoesNotContain("EXT-X-DATERANGE", result.Text, StringComparison.Ordinal);
        Assert.Contains("lies past the end of index.m3u8", Assert.Single(result.Warnings("index.m3u8")), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOriginalLine_KeptInOrder()
    {
        var original = VodPlaylists.Text(10, 2);

        var conditioned = Condition(WithSlots(25, (150, 6.0), (165 + 250, 16.6)), original).Text;

        static bool Added(string line) =>
            line.StartsWith("#EXT-X-DATERANGE", StringComparison.Ordinal) || line.StartsWith("#EXT-X-CUE", StringComparison.Ordinal)
            || line.StartsWith("#EXT-X-PROGRAM-DATE-TIME", StringComparison.Ordinal) || line.StartsWith("# ", StringComparison.Ordinal);
        // Two slots of three lines each, the comment of the mid-segment one, the date anchor.
        Assert.Equal(8, conditioned.Split('\n').Count(Added));
        Assert.Equal(original.Split('\n'), conditioned.Split('\n').Where(l => !Added(l)));
    }

    [Theory]
    [InlineData("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\nlow.m3u8\n", "multivariant")]
    [InlineData("seg0.ts\n", "#EXTM3U")]
    [InlineData("#EXTM3U\n#EXTINF:abc,\nseg0.ts\n", "EXTINF duration")]
    [InlineData("#EXTM3U\nseg0.ts\n", "has no EXTINF")]
    public void Parse_NotAMediaPlaylist_SaysWhy(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => HlsMediaPlaylist.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public async Task Writer_WithoutAPlaylist_NamesTheSetting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Writers.WriteAsync(OutputFormats.Hls, WithSlots(25, (150, 6.0))));

        Assert.Contains("HlsPlaylist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writer_RelativePlaylistWithName_ReadFromTheVideosFolder()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(folder.File("movie.m3u8"), VodPlaylists.Text(10, 2));
        var document = WithSlots(25, (150, 6.0)) with { Video = WithSlots(25).Video with { Path = folder.File("movie.mp4") } };

        var text = await Writers.WriteAsync(OutputFormats.Hls, document, new WriterContext(new OutputOptions { HlsPlaylist = "{name}.m3u8" }));

        Assert.Contains("#EXT-X-CUE-OUT", text, StringComparison.Ordinal);
    }

    internal static ResultDocument WithSlots(double fps, params (int Frame, double Seconds)[] slots) =>
        Samples.OneShot(fps, frames: (int)(20 * fps)) with
        {
            AdSlots = [.. slots.Select(s => new AdSlotEntry(s.Frame, s.Seconds, Timecode.FromFrame(s.Frame, fps).ToString(), 0.9, ["scene-change"]))],
        };

    private static HlsConditioning Condition(ResultDocument document, string playlist) =>
        HlsConditioner.Condition(HlsMediaPlaylist.Parse(playlist), SlotSignals.For(document, new OutputOptions()), document.Video.Fps, 30);
}
