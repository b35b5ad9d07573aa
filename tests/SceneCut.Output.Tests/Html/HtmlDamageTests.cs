using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Html;

/// <summary>The report shows decode damage: ranges on the timeline, FFmpeg's words in a table, damaged transitions flagged.</summary>
public sealed class HtmlDamageTests
{
    [Fact]
    public async Task Write_WithDamagedFrames_DrawsThemListsFfmpegsWordsAndFlagsTheTransition()
    {
        var rich = Samples.Rich(25, shotCount: 6, shotFrames: 50, shotsPerScene: 3, path: "damaged.mp4");
        var shots = rich.Shots.Select(s => s.Index == 2 ? s with { TransitionIn = s.TransitionIn! with { Damaged = true } } : s).ToList();
        var document = rich with
        {
            Shots = shots,
            Processing = rich.Processing with
            {
                DamagedFrames = [new DamagedFramesEntry(99, 101, 3.96, 4.08, 2, ["h264: error while decoding MB 24 5, bytestream 2452"])],
                DecodeHealth = new DecodeHealthSection(true, 3, 0.01, 1, 2),
            },
        };

        var html = await Writers.WriteAsync("html", document);

        Assert.Contains("<rect class=\"damaged\"", html, StringComparison.Ordinal);
        Assert.Contains("h264: error while decoding MB 24 5, bytestream 2452", html, StringComparison.Ordinal);
        Assert.Contains("Decode health: 3 damaged frames (1 %) in 1 ranges, 2 errors", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "\\(on damaged frames\\)"));
    }

    [Fact]
    public async Task Write_DecoderThatCannotTell_SaysSo()
    {
        var rich = Samples.Rich(25, shotCount: 3, shotFrames: 50, shotsPerScene: 3, path: "opencv.mp4");
        var document = rich with { Processing = rich.Processing with { DecodeHealth = new DecodeHealthSection(false, 0, 0, 0, 0) } };

        var html = await Writers.WriteAsync("html", document);

        Assert.Contains("Decode health: unknown (this decoder cannot report damaged frames)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<rect class=\"damaged\"", html, StringComparison.Ordinal);
    }
}
