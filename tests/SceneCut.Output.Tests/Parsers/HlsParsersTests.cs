using System.Text.Json;
using SceneCut.Output.Hls;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Parsers;

/// <summary>
/// A real VOD playlist from ffmpeg's HLS muxer, conditioned through the <see cref="ResultSink"/>, read by video.js
/// <c>m3u8-parser</c> and by <c>hls-parser</c> (strict mode): the markers sit on the segments the slots fall on.
/// </summary>
public sealed class HlsParsersTests
{
    private const double Fps = 30000.0 / 1001;
    private const string Clip = "wildlife.mp4";

    [NodeSharedDataFact]
    public async Task FfmpegPlaylist_Conditioned_BothParsersSeeTheMarkersAtTheRightSegments()
    {
        using var folder = new TempFolder();
        var playlistPath = folder.File("wildlife.m3u8");
        // Stream copy: ffmpeg cuts the 30 s clip's segments at its own key frames, so they are 1.2 to 3 s long.
        await ExternalTool.RunAsync(
            "ffmpeg",
            ["-v", "error", "-i", SharedData.Clip(Clip), "-c", "copy", "-f", "hls", "-hls_time", "2", "-hls_playlist_type", "vod",
             "-hls_segment_filename", folder.File("wildlife%d.ts"), playlistPath],
            TimeSpan.FromMinutes(2));
        var segments = HlsMediaPlaylist.Parse(await File.ReadAllTextAsync(playlistPath)).Segments;
        Assert.True(segments.Count >= 5, $"ffmpeg made {segments.Count} segments");
        // Slot 1 on the start of segment 2; slot 2 a quarter second into the longest later segment, nearer its start.
        var onBoundary = segments[2];
        var longer = segments.Skip(3).SkipLast(1).MaxBy(s => s.DurationSeconds)!;
        Assert.True(longer.DurationSeconds > 0.6, "no segment is long enough to fall inside");
        var document = Document(onBoundary.StartSeconds, longer.StartSeconds + 0.25);
        var sink = new ResultSink(new OutputOptions { HlsPlaylist = playlistPath });
        var written = await sink.WriteAsync(document, sink.Resolve(["json", "scte35", "hls"]), w => folder.File("out" + w.FileExtension), CancellationToken.None);
        var conditioned = written.Single(p => p.EndsWith(".m3u8", StringComparison.Ordinal));

        // The result document says slot 2 fell mid-segment, where it went and by how much.
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(written[0]));
        var warning = Assert.Single(result.Processing.Warnings);
        Assert.StartsWith($"hls: ad slot 2 at {ResultTimes.Round(longer.StartSeconds + 0.25).ToString(System.Globalization.CultureInfo.InvariantCulture)} s falls mid-segment in wildlife.m3u8; marked at the boundary before {longer.Uri}", warning, StringComparison.Ordinal);
        Assert.EndsWith("0.25 s before the slot", warning, StringComparison.Ordinal);

        using var scte35 = JsonDocument.Parse(await File.ReadAllTextAsync(written[1]));
        var hex = scte35.RootElement.GetProperty("markers").EnumerateArray().Select(m => m.GetProperty("hex").GetString()).ToList();
        var marked = new[] { (Segment: onBoundary, Out: hex[0], In: hex[1]), (Segment: longer, Out: hex[2], In: hex[3]) };

        var m3u8 = await NodeParsers.ReadAsync("m3u8", conditioned);
        Assert.Empty(m3u8.GetProperty("warnings").EnumerateArray());
        var parsedSegments = m3u8.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(segments.Select(s => s.Uri), parsedSegments.Select(s => s.GetProperty("uri").GetString()));
        for (var i = 0; i < parsedSegments.Count; i++)
        {
            var isMarked = marked.Any(m => m.Segment.Index == i);
            Assert.Equal(isMarked ? "DURATION=30" : null, parsedSegments[i].GetProperty("cueOut").GetString());
            Assert.Equal(isMarked ? "" : null, parsedSegments[i].GetProperty("cueIn").GetString());
        }

        var dateRanges = m3u8.GetProperty("dateRanges").EnumerateArray().ToList();
        Assert.Equal(2, dateRanges.Count);
        foreach (var (range, (segment, outHex, inHex), number) in dateRanges.Zip(marked, [1, 2]))
        {
            Assert.Equal($"scenecut-slot-{number}", range.GetProperty("id").GetString());
            // The range starts where the marked segment starts on the playlist's clock.
            Assert.Equal(Millis(segment.StartSeconds), Millis(DateTimeOffset.Parse(range.GetProperty("startDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0));
            Assert.Equal(Millis(segment.StartSeconds), (long)Math.Round(parsedSegments[segment.Index].GetProperty("programDateTime").GetDouble()));
            Assert.Equal(30, range.GetProperty("plannedDuration").GetDouble());
            Assert.Equal(outHex, range.GetProperty("scte35Out").GetString());
            Assert.Equal(inHex, range.GetProperty("scte35In").GetString());
        }

        var hls = await NodeParsers.ReadAsync("hls", conditioned);
        Assert.False(hls.GetProperty("isMasterPlaylist").GetBoolean());
        var strict = hls.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(segments.Count, strict.Count);
        for (var i = 0; i < strict.Count; i++)
        {
            var mark = marked.Where(m => m.Segment.Index == i).ToList();
            var markers = strict[i].GetProperty("markers").EnumerateArray().Select(m => $"{m.GetProperty("type").GetString()}:{m.GetProperty("duration")}").ToList();
            Assert.Equal(mark.Count == 1 ? ["OUT:30", "IN:"] : [], markers);
            if (mark.Count == 1)
            {
                var range = strict[i].GetProperty("dateRange");
                Assert.Equal(Millis(mark[0].Segment.StartSeconds), Millis(DateTimeOffset.Parse(range.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0));
                Assert.Equal(mark[0].Out, range.GetProperty("scte35Out").GetString());
                Assert.Equal(mark[0].In, range.GetProperty("scte35In").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, strict[i].GetProperty("dateRange").ValueKind);
            }
        }
    }

    private static long Millis(double seconds) => (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);

    private static ResultDocument Document(params double[] slotSeconds) =>
        Samples.OneShot(Fps, frames: (int)(31 * Fps), path: SharedData.Clip(Clip)) with
        {
            AdSlots = [.. slotSeconds.Select(s => new AdSlotEntry((int)Math.Round(s * Fps), s, Timecode.FromFrame((int)Math.Round(s * Fps), Fps).ToString(), 0.9, ["scene-change"]))],
        };
}
