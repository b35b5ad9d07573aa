using System.Text.RegularExpressions;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Edl;

public sealed partial class EdlResultWriterTests
{
    [Theory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task ParsedBack_OneEventPerShot(double fps)
    {
        var document = Samples.Rich(fps);

        var edl = Parse(await Writers.WriteAsync(OutputFormats.Edl, document));

        Assert.Equal(Timecode.IsDropFrameRate(fps) ? "DROP FRAME" : "NON-DROP FRAME", edl.Fcm);
        Assert.Equal(document.Shots.Count, edl.Events.Count);
        foreach (var (e, shot) in edl.Events.Zip(document.Shots))
        {
            Assert.Equal(shot.Index + 1, e.Number);
            Assert.Equal("AX", e.Reel);
            Assert.Equal(shot.StartFrame, Timecode.Parse(e.SourceIn).ToFrame(fps));
            Assert.Equal(shot.EndFrame + 1, Timecode.Parse(e.SourceOut).ToFrame(fps));
            Assert.Equal(e.SourceIn, e.RecordIn);
            Assert.Equal(e.SourceOut, e.RecordOut);
            Assert.Equal(Timecode.IsDropFrameRate(fps), Timecode.Parse(e.SourceIn).DropFrame);
        }

        Assert.Equal(document.Scenes.Count, edl.Comments.Count(c => c.StartsWith("SCENE ", StringComparison.Ordinal)));
        Assert.Equal(document.AdSlots.Count, edl.Comments.Count(c => c.StartsWith("AD SLOT ", StringComparison.Ordinal)));
        Assert.Contains($"AD SLOT 1 AT {document.AdSlots[0].Timecode} SCORE", string.Join('\n', edl.Comments), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartTimecodeAndRate_Configurable()
    {
        var document = Samples.Rich(25);
        var options = new OutputOptions { EdlStartTimecode = "01:00:00;00", EdlFrameRate = 30000.0 / 1001 };

        var edl = Parse(await Writers.WriteAsync(OutputFormats.Edl, document, new WriterContext(options)));

        Assert.Equal("DROP FRAME", edl.Fcm);
        Assert.Equal("01:00:00;00", edl.Events[0].RecordIn);
        // Shot 2 starts at frame 90: 3 s + 0 frames at 29.97 DF.
        Assert.Equal("01:00:03;00", edl.Events[1].RecordIn);
    }

    [Fact]
    public async Task NonDropFrameForced_AtNtscRate()
    {
        var options = new OutputOptions { EdlDropFrame = false };

        var edl = Parse(await Writers.WriteAsync(OutputFormats.Edl, Samples.Rich(30000.0 / 1001, shotCount: 30, shotFrames: 1800), new WriterContext(options)));

        Assert.Equal("NON-DROP FRAME", edl.Fcm);
        Assert.Equal("00:01:00:00", edl.Events[1].SourceIn);
    }

    [Fact]
    public async Task ZeroShots_HeaderOnly()
    {
        var edl = Parse(await Writers.WriteAsync(OutputFormats.Edl, Samples.Empty()));

        Assert.Equal("empty.mp4", edl.Title);
        Assert.Empty(edl.Events);
    }

    [Fact]
    public async Task TwoHourFilm_EventsPast999KeepCounting()
    {
        var edl = Parse(await Writers.WriteAsync(OutputFormats.Edl, Samples.TwoHourFilm()));

        Assert.Equal(Enumerable.Range(1, 2000), edl.Events.Select(e => e.Number));
    }

    [Theory]
    [InlineData("evil\r\n002  AX       V     C        00:00:00:00 00:00:01:00 00:00:00:00 00:00:01:00.mp4")]
    [InlineData("<img src=x onerror=alert(1)>.mp4")]
    public async Task HostileName_CannotForgeEvents(string name)
    {
        var document = Samples.Rich(path: name, reasons: ["x\n001  AX V C 00:00:00:00 00:00:00:01 00:00:00:00 00:00:00:01"]);

        var edl = Parse(await Writers.WriteAsync(OutputFormats.Edl, document));

        Assert.Equal(document.Shots.Count, edl.Events.Count);
        Assert.Equal(name.Replace("\r", "_", StringComparison.Ordinal).Replace("\n", "_", StringComparison.Ordinal), edl.Title);
    }

    private static ParsedEdl Parse(string text)
    {
        var lines = text.Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("TITLE: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("FCM: ", lines[1], StringComparison.Ordinal);
        var events = new List<EdlEvent>();
        var comments = new List<string>();
        foreach (var line in lines.Skip(2).Where(l => l.Length > 0))
        {
            if (line.StartsWith("* ", StringComparison.Ordinal))
            {
                comments.Add(line[2..]);
                continue;
            }

            var match = EventLine().Match(line);
            Assert.True(match.Success, $"not a CMX 3600 event: '{line}'");
            events.Add(new EdlEvent(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value,
                match.Groups[3].Value, match.Groups[4].Value, match.Groups[5].Value, match.Groups[6].Value));
        }

        return new ParsedEdl(lines[0]["TITLE: ".Length..], lines[1]["FCM: ".Length..], events, comments);
    }

    private const string Tc = @"(\d\d:\d\d:\d\d[:;]\d\d)";

    [GeneratedRegex(@"^(\d{3,})  (\S+)\s+V\s+C\s+" + Tc + " " + Tc + " " + Tc + " " + Tc + "$")]
    private static partial Regex EventLine();

    private sealed record EdlEvent(int Number, string Reel, string SourceIn, string SourceOut, string RecordIn, string RecordOut);

    private sealed record ParsedEdl(string Title, string Fcm, List<EdlEvent> Events, List<string> Comments);
}
