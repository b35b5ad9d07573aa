using System.Globalization;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Csv;

public sealed class CsvResultWriterTests
{
    [Theory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task ParsedBack_MatchesDocument(double fps)
    {
        var document = Samples.Rich(fps);

        var rows = Table(await Writers.WriteAsync(OutputFormats.Csv, document));

        var shots = rows.Where(r => r["kind"] == "shot").ToList();
        var scenes = rows.Where(r => r["kind"] == "scene").ToList();
        Assert.Equal(document.Shots.Count, shots.Count);
        Assert.Equal(document.Scenes.Count, scenes.Count);
        Assert.Equal(document.BlackSegments.Count, rows.Count(r => r["kind"] == "black"));
        Assert.Equal(document.AdSlots.Count, rows.Count(r => r["kind"] == "ad-slot"));
        foreach (var (row, shot) in shots.Zip(document.Shots))
        {
            Assert.Equal(shot.StartFrame, int.Parse(row["start_frame"], CultureInfo.InvariantCulture));
            Assert.Equal(shot.EndFrame, int.Parse(row["end_frame"], CultureInfo.InvariantCulture));
            Assert.Equal(shot.StartSeconds, double.Parse(row["start_seconds"], CultureInfo.InvariantCulture), 6);
            Assert.Equal(shot.EndSeconds, double.Parse(row["end_seconds"], CultureInfo.InvariantCulture), 6);
            Assert.Equal(shot.StartFrame, Timecode.Parse(row["start_timecode"]).ToFrame(fps));
            Assert.Equal(shot.EndFrame + 1, Timecode.Parse(row["end_timecode"]).ToFrame(fps));
            Assert.Equal(shot.TransitionIn?.Kind ?? "", row["transition"]);
            Assert.Equal("Sample film – Ünïcödé name.mp4", row["video"]);
        }

        foreach (var (row, scene) in scenes.Zip(document.Scenes))
        {
            Assert.Equal(scene.FirstShot, int.Parse(row["first_shot"], CultureInfo.InvariantCulture));
            Assert.Equal(scene.LastShot, int.Parse(row["last_shot"], CultureInfo.InvariantCulture));
            Assert.Equal(scene.BoundaryScore, double.Parse(row["score"], CultureInfo.InvariantCulture), 4);
            Assert.Equal(scene.StartFrame, Timecode.Parse(row["start_timecode"]).ToFrame(fps));
        }

        var slotRow = rows.First(r => r["kind"] == "ad-slot");
        Assert.Equal(document.AdSlots[0].Timecode, slotRow["start_timecode"]);
        Assert.Equal("scene-change;fade-to-black", slotRow["reasons"]);
    }

    [Fact]
    public async Task DropFrame_TimecodesUseSemicolon()
    {
        var rows = Table(await Writers.WriteAsync(OutputFormats.Csv, Samples.Rich(30000.0 / 1001)));

        Assert.All(rows, r => Assert.Equal(';', r["start_timecode"][8]));
    }

    [Fact]
    public async Task ZeroShots_HeaderOnly()
    {
        var text = await Writers.WriteAsync(OutputFormats.Csv, Samples.Empty());

        Assert.Equal("kind,index,start_frame,end_frame,start_seconds,end_seconds,duration_seconds,start_timecode,end_timecode,transition,score,first_shot,last_shot,reasons,video\r\n", text);
    }

    [Fact]
    public async Task OneShot_OneShotRowAndOneSceneRow()
    {
        var rows = Table(await Writers.WriteAsync(OutputFormats.Csv, Samples.OneShot()));

        Assert.Equal(["shot", "scene"], rows.Select(r => r["kind"]));
        Assert.Equal("00:00:04:00", rows[0]["end_timecode"]);
        Assert.Equal("4", rows[0]["duration_seconds"]);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>.mp4")]
    [InlineData("a,b \"quoted\"\r\nnew line.mp4")]
    [InlineData("=HYPERLINK(\"x\";\"y\").mp4")]
    public async Task HostileNamesAndReasons_StayInsideOneQuotedField(string name)
    {
        var document = Samples.Rich(path: "/in/" + name, reasons: [name]);

        var text = await Writers.WriteAsync(OutputFormats.Csv, document);
        var rows = Table(text);

        Assert.Equal(document.Shots.Count + document.Scenes.Count + document.BlackSegments.Count + document.AdSlots.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal(name, r["video"]));
        Assert.Equal(name, rows.First(r => r["kind"] == "ad-slot")["reasons"]);
        Assert.Contains("\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoHourFilm_AllRowsAndLastTimecode()
    {
        var document = Samples.TwoHourFilm();

        var rows = Table(await Writers.WriteAsync(OutputFormats.Csv, document));

        var last = rows.Last(r => r["kind"] == "shot");
        Assert.Equal(2000, rows.Count(r => r["kind"] == "shot"));
        Assert.Equal(document.Shots[^1].EndFrame + 1, Timecode.Parse(last["end_timecode"]).ToFrame(24000.0 / 1001));
        Assert.StartsWith("01:59:", last["end_timecode"], StringComparison.Ordinal);
    }

    private static List<Dictionary<string, string>> Table(string csv)
    {
        var records = Rfc4180.Parse(csv);
        var header = records[0];
        return records.Skip(1).Select(r =>
        {
            Assert.Equal(header.Count, r.Count);
            return header.Zip(r).ToDictionary(p => p.First, p => p.Second);
        }).ToList();
    }
}
