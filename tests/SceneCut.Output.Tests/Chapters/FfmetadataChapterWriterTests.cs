using System.Globalization;
using System.Text.Json;
using SceneCut.Output.Chapters;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Chapters;

/// <summary>The FFmpeg metadata is muxed into a video by Debian's ffmpeg, and ffprobe reads the same chapters back.</summary>
public sealed class FfmetadataChapterWriterTests
{
    [Fact]
    public async Task MuxedByFfmpeg_FfprobeShowsSceneChapters()
    {
        using var folder = new TempFolder();
        // 8 shots of 90 frames at 29.97 = 24.02 s, a scene every 2 shots; a title FFmpeg must unescape.
        var document = Samples.Rich(30000.0 / 1001, shotCount: 8, shotFrames: 90, shotsPerScene: 2, path: "/in/Ünï =;# #name.mp4");
        var video = await TestClips.MakeAsync(folder, "clip.mp4", 24.1, "30000/1001");

        var (chapters, title) = await MuxAndProbeAsync(folder, video, document);

        Assert.Equal(document.Scenes.Count, chapters.Count);
        foreach (var (chapter, scene) in chapters.Zip(document.Scenes))
        {
            Assert.Equal(scene.StartSeconds, chapter.Start, 0.0011);
            Assert.Equal(scene.EndSeconds, chapter.End, 0.0011);
            Assert.Equal($"Scene {scene.Index + 1}", chapter.Title);
        }

        Assert.Equal("Ünï =;# #name.mp4", title);
    }

    [SharedDataFact]
    public async Task RealDetectionOfDevClip_MuxedIntoCopy_ChaptersMatchShots()
    {
        using var folder = new TempFolder();
        var document = await RealDocument.TestVideoAsync();

        var (chapters, _) = await MuxAndProbeAsync(folder, RealDocument.TestVideoPath, document);

        // A shot-level document (scenes off): one chapter per shot.
        Assert.True(document.Shots.Count > 1, "the dev clip has several shots");
        Assert.Equal(document.Shots.Count, chapters.Count);
        foreach (var (chapter, shot) in chapters.Zip(document.Shots))
        {
            Assert.Equal(shot.StartSeconds, chapter.Start, 0.0011);
            Assert.Equal($"Shot {shot.Index + 1}", chapter.Title);
        }
    }

    [Fact]
    public async Task ZeroShots_HeaderAndTitleOnly()
    {
        var text = await Writers.WriteAsync(OutputFormats.Chapters, Samples.Empty());

        Assert.Equal(";FFMETADATA1\ntitle=empty.mp4\n", text);
    }

    [Fact]
    public async Task TwoHourFilm_OneChapterPerScene_InMilliseconds()
    {
        var document = Samples.TwoHourFilm();

        var text = await Writers.WriteAsync(OutputFormats.Chapters, document);

        Assert.Equal(document.Scenes.Count, text.Split("[CHAPTER]").Length - 1);
        Assert.EndsWith($"END={ChapterList.Milliseconds(document.Scenes[^1].EndSeconds)}\ntitle=Scene 100\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_BackslashesSpecialCharacters() =>
        Assert.Equal(@"a\=b\;c\#d\\e\" + "\n" + "f", FfmetadataChapterWriter.Escape("a=b;c#d\\e\nf"));

    private static async Task<(List<ProbedChapter> Chapters, string? Title)> MuxAndProbeAsync(TempFolder folder, string video, ResultDocument document)
    {
        var metadata = await Writers.WriteFileAsync(OutputFormats.Chapters, document, folder, "with chapters");
        var muxed = folder.File("muxed copy.mkv");
        await ExternalTool.RunAsync("ffmpeg",
            ["-hide_banner", "-loglevel", "error", "-y", "-i", video, "-i", metadata, "-map", "0:v", "-map_metadata", "1", "-map_chapters", "1", "-c", "copy", muxed],
            TimeSpan.FromMinutes(1));
        var json = await ExternalTool.RunAsync("ffprobe",
            ["-v", "error", "-show_chapters", "-show_format", "-of", "json", muxed], TimeSpan.FromMinutes(1));

        using var probe = JsonDocument.Parse(json);
        var chapters = probe.RootElement.GetProperty("chapters").EnumerateArray().Select(c => new ProbedChapter(
            double.Parse(c.GetProperty("start_time").GetString()!, CultureInfo.InvariantCulture),
            double.Parse(c.GetProperty("end_time").GetString()!, CultureInfo.InvariantCulture),
            c.GetProperty("tags").GetProperty("title").GetString()!)).ToList();
        var tags = probe.RootElement.GetProperty("format").TryGetProperty("tags", out var t) ? t : default;
        string? title = null;
        if (tags.ValueKind == JsonValueKind.Object)
        {
            foreach (var tag in tags.EnumerateObject().Where(tag => tag.Name.Equals("title", StringComparison.OrdinalIgnoreCase)))
            {
                title = tag.Value.GetString();
            }
        }

        return (chapters, title);
    }

    private sealed record ProbedChapter(double Start, double End, string Title);
}
