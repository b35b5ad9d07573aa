using System.Globalization;
using System.Text.Json;
using SceneCut.Output.Chapters;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Chapters;

/// <summary>The WebVTT chapters are read by ffmpeg's WebVTT demuxer: every cue, at its time, no errors.</summary>
public sealed class WebVttChapterWriterTests
{
    [Theory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task FfmpegWebVttDemuxer_ReadsEveryCueAtItsTime(double fps)
    {
        using var folder = new TempFolder();
        var document = Samples.Rich(fps, variableFrameRate: fps > 50);
        var path = await Writers.WriteFileAsync(OutputFormats.Vtt, document, folder, "Ünï chapters");

        var packets = await ProbeAsync(path);

        Assert.Equal(document.Scenes.Count, packets.Count);
        foreach (var ((start, duration), scene) in packets.Zip(document.Scenes))
        {
            Assert.Equal(scene.StartSeconds, start, 0.0011);
            Assert.Equal(scene.EndSeconds - scene.StartSeconds, duration, 0.0021);
        }
    }

    [Fact]
    public async Task TwoHourFilm_CuesPastTheHour()
    {
        using var folder = new TempFolder();
        var document = Samples.TwoHourFilm();
        var path = await Writers.WriteFileAsync(OutputFormats.Vtt, document, folder, "film");

        var packets = await ProbeAsync(path);

        Assert.Equal(100, packets.Count);
        Assert.Equal(document.Scenes[^1].StartSeconds, packets[^1].Start, 0.0011);
        Assert.True(packets[^1].Start > 7000);
    }

    [Fact]
    public async Task ZeroShots_HeaderOnly() =>
        Assert.Equal("WEBVTT\n", await Writers.WriteAsync(OutputFormats.Vtt, Samples.Empty()));

    [Fact]
    public void Timestamp_HoursMinutesSecondsMilliseconds()
    {
        Assert.Equal("00:00:00.000", WebVttChapterWriter.Timestamp(0));
        Assert.Equal("02:03:04.005", WebVttChapterWriter.Timestamp(7_384_005));
    }

    [Fact]
    public void CueText_EscapesMarkupAndLineBreaks() =>
        Assert.Equal("&lt;b&gt;a &amp; b c", WebVttChapterWriter.EscapeCueText("<b>a & b\nc"));

    private static async Task<List<(double Start, double Duration)>> ProbeAsync(string path)
    {
        // Warnings on: a cue the demuxer had to skip or repair would show here.
        var (json, errors) = await ExternalTool.RunWithErrorsAsync("ffprobe",
            ["-v", "warning", "-f", "webvtt", "-show_packets", "-of", "json", path], TimeSpan.FromMinutes(1));
        Assert.Equal("", errors);
        using var probe = JsonDocument.Parse(json);
        return probe.RootElement.GetProperty("packets").EnumerateArray().Select(p => (
            double.Parse(p.GetProperty("pts_time").GetString()!, CultureInfo.InvariantCulture),
            double.Parse(p.GetProperty("duration_time").GetString()!, CultureInfo.InvariantCulture))).ToList();
    }
}
