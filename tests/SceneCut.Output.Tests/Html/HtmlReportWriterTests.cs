using System.Diagnostics;
using System.Text.Json.Nodes;
using OpenCvSharp;
using SceneCut.Output.Html;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;
using Xunit.Abstractions;

namespace SceneCut.Output.Tests.Html;

/// <summary>The report rendered by headless Chromium: no console errors, the right markers, nothing untrusted runs.</summary>
public sealed class HtmlReportWriterTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task Report_RendersWithoutErrors_MarkersAndThumbnailsMatch()
    {
        using var folder = new TempFolder();
        // 8 one-shot scenes over a 24 s clip at 29.97: ad slots at scenes 3, 5 and 7.
        var clip = await TestClips.MakeAsync(folder, "clip.mp4", 24.1, "30000/1001");
        var document = Samples.Rich(30000.0 / 1001, shotCount: 8, shotFrames: 90, shotsPerScene: 1, path: clip);
        var context = new WriterContext(new OutputOptions(), new OpenCvThumbnailSource(clip));
        var report = await Writers.WriteFileAsync(OutputFormats.Html, document, folder, "report ünï", context);

        var page = await chromium.Browser.OpenAsync(report);

        Assert.Equal(8, await CountAsync(page, "a.scene-marker"));
        Assert.Equal(3, await CountAsync(page, "a.slot-marker"));
        Assert.Equal(3, await CountAsync(page, "tr.slot-row"));
        Assert.Equal(8, await CountAsync(page, "rect.shot"));
        Assert.Equal(document.BlackSegments.Count, await CountAsync(page, "rect.black-seg"));
        // Both sides of 3 slots + one shot per scene, every one decoded.
        Assert.Equal(3 * 2 + 8, await CountAsync(page, "img"));
        Assert.True((bool)(await page.EvaluateAsync("Array.from(document.images).every(i => i.complete && i.naturalWidth === 160)"))!);
        Assert.Equal(document.AdSlots[1].Score.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), (string?)await page.EvaluateAsync("document.querySelector('#slot-2 td:nth-child(5)').textContent"));
        // The zoom script runs under the page's Content-Security-Policy.
        var before = (double)(await page.EvaluateAsync("document.getElementById('track').getBoundingClientRect().width"))!;
        var after = (double)(await page.EvaluateAsync("document.querySelector('button[data-zoom=\"4\"]').click(); document.getElementById('track').getBoundingClientRect().width"))!;
        Assert.Equal(4 * before, after, 1.0);
        await SaveScreenshotAsync(page, "report.png");
        Assert.Empty(chromium.Browser.Problems);
        Assert.Empty(chromium.Browser.Dialogs);
    }

    [Fact]
    public async Task HostileNameAndMetadata_NothingRuns_TextShownAsIs()
    {
        using var folder = new TempFolder();
        const string name = "<img src=x onerror=alert(1)>.mp4";
        var document = Samples.Rich(25, path: "/in/" + name, reasons: ["<script>alert(2)</script>"]) with
        {
            Processing = new ProcessingSection(1, 100, "scenecut\"><svg onload=alert(3)>", "<iframe src=javascript:alert(4)>", ["<img src=x onerror=alert(5)>"]),
        };
        document = document with { Video = document.Video with { Codec = "\"><img src=x onerror=alert(6)>" } };
        var report = await Writers.WriteFileAsync(OutputFormats.Html, document, folder, name[..^4], new WriterContext(new OutputOptions(), new SyntheticThumbnails()));

        var page = await chromium.Browser.OpenAsync(report);

        Assert.Empty(chromium.Browser.Dialogs);
        Assert.Empty(chromium.Browser.Problems);
        Assert.Equal(0, await CountAsync(page, "img[src='x'], script:not([nonce]):not(:last-of-type), svg[onload], iframe"));
        Assert.Equal(1, await CountAsync(page, "script"));
        Assert.Equal(name, (string?)await page.EvaluateAsync("document.querySelector('h1').textContent"));
        Assert.Equal("SceneCut report: " + name, (string?)await page.EvaluateAsync("document.title"));
        Assert.Equal("<script>alert(2)</script>", (string?)await page.EvaluateAsync("document.querySelector('#slot-1 td:nth-child(6)').textContent"));
        await SaveScreenshotAsync(page, "report-hostile.png");
    }

    [Fact]
    public async Task TwoHourFilm_OpensQuicklyWithEveryMarker()
    {
        using var folder = new TempFolder();
        var document = Samples.TwoHourFilm();
        var report = await Writers.WriteFileAsync(OutputFormats.Html, document, folder, "feature", new WriterContext(new OutputOptions(), new SyntheticThumbnails()));

        var clock = Stopwatch.StartNew();
        var page = await chromium.Browser.OpenAsync(report);
        var loaded = clock.Elapsed;

        var size = new FileInfo(report).Length;
        output.WriteLine($"2000-shot report: {size / 1e6:0.0} MB, loaded in {loaded.TotalSeconds:0.00} s");
        Assert.Equal(2000, await CountAsync(page, "rect.shot"));
        Assert.Equal(100, await CountAsync(page, "a.scene-marker"));
        Assert.Equal(document.AdSlots.Count, await CountAsync(page, "a.slot-marker"));
        Assert.Equal(2000, await CountAsync(page, "#shots tbody tr"));
        Assert.True(await CountAsync(page, "img") <= OutputDefaults.MaxThumbnails);
        Assert.True(size < 10_000_000, $"report is {size} bytes");
        Assert.True(loaded < TimeSpan.FromSeconds(15), $"loading took {loaded}");
        Assert.Empty(chromium.Browser.Problems);
    }

    [Fact]
    public async Task ZeroAndOneShot_RenderWithoutErrors()
    {
        using var folder = new TempFolder();
        var empty = await Writers.WriteFileAsync(OutputFormats.Html, Samples.Empty(), folder, "empty");
        var one = await Writers.WriteFileAsync(OutputFormats.Html, Samples.OneShot(), folder, "one", new WriterContext(new OutputOptions(), new SyntheticThumbnails()));

        var emptyPage = await chromium.Browser.OpenAsync(empty);
        Assert.Equal(0, await CountAsync(emptyPage, "rect.shot"));
        Assert.Contains("No shots", (string?)await emptyPage.EvaluateAsync("document.getElementById('scenes').textContent"), StringComparison.Ordinal);
        var onePage = await chromium.Browser.OpenAsync(one);
        Assert.Equal(1, await CountAsync(onePage, "a.scene-marker"));
        Assert.Equal(1, await CountAsync(onePage, "img"));
        Assert.Empty(chromium.Browser.Problems);
    }

    [SharedDataFact]
    public async Task RealDetectionOfDevClip_ThumbnailPerShot()
    {
        using var folder = new TempFolder();
        var document = await RealDocument.TestVideoAsync();
        var report = await Writers.WriteFileAsync(OutputFormats.Html, document, folder, "testvideo",
            new WriterContext(new OutputOptions(), new OpenCvThumbnailSource(RealDocument.TestVideoPath)));

        var page = await chromium.Browser.OpenAsync(report);

        Assert.Equal(document.Shots.Count, await CountAsync(page, "rect.shot"));
        Assert.Equal(document.Shots.Count, await CountAsync(page, "#all-shots img"));
        Assert.True((bool)(await page.EvaluateAsync("Array.from(document.images).every(i => i.naturalWidth === 160)"))!);
        await SaveScreenshotAsync(page, "report-testvideo.png");
        Assert.Empty(chromium.Browser.Problems);
    }

    private static async Task<int> CountAsync(ChromiumPage page, string selector) =>
        (int)(await page.EvaluateAsync($"document.querySelectorAll({JsonValue.Create(selector).ToJsonString()}).length"))!;

    // Kept beside the test binaries for a person to look at; checked to be a real picture, not a blank page.
    private async Task SaveScreenshotAsync(ChromiumPage page, string name)
    {
        var png = await page.ScreenshotAsync();
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(path, png);
        using var image = Cv2.ImDecode(png, ImreadModes.Color);
        Assert.False(image.Empty(), "the screenshot is not a PNG");
        Cv2.MeanStdDev(image, out _, out var spread);
        Assert.True(spread.Val0 > 10, $"the screenshot looks blank (spread {spread.Val0:0.0})");
        output.WriteLine($"screenshot {path} ({image.Width}×{image.Height})");
    }
}
