using System.Text.RegularExpressions;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.Html;

/// <summary>The report draws the scene model's probability at every shot, not only at scene starts.</summary>
public sealed class HtmlProbabilityCurveTests
{
    [Fact]
    public async Task Write_WithPerShotProbabilities_DrawsOneStepPerShotBoundary()
    {
        var rich = Samples.Rich(25, shotCount: 12, shotFrames: 50, shotsPerScene: 4, path: "curve.mp4");
        var document = rich with { SceneBoundaryProbabilities = rich.Shots.Select(s => s.Index % 4 == 0 ? 0.9 : 0.1).ToList() };

        var html = await Writers.WriteAsync("html", document);

        var points = Regex.Match(html, "class=\"probability-curve\"[^>]*points=\"([^\"]*)\"").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Two points (start and end of the shot) for every shot after the first.
        Assert.Equal(2 * (document.Shots.Count - 1), points.Length);
        Assert.Contains(points, p => p.EndsWith(",10", StringComparison.Ordinal));
        Assert.Contains(points, p => p.EndsWith(",90", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_WithoutProbabilities_NoCurve()
    {
        var html = await Writers.WriteAsync("html", Samples.Rich(25, shotCount: 6, shotFrames: 50, shotsPerScene: 3, path: "none.mp4"));

        Assert.DoesNotContain("class=\"probability-curve\"", html, StringComparison.Ordinal);
    }
}
