using System.Globalization;
using SceneCut.Embeddings;
using SceneCut.Evaluation;
using SceneCut.Tests.TestSupport;
using Xunit.Abstractions;

namespace SceneCut.Tests.Embeddings;

public sealed class CutSimilarityStudyTests(ResNet18Fixture fixture, ITestOutputHelper output) : IClassFixture<ResNet18Fixture>
{
    [Fact]
    public void Pairs_LeaveOutAmbiguousDistractorAndTransitionFrames()
    {
        var truth = new TruthFile { Video = "clips/x.mp4", FrameCount = 40, Cuts = [10], Gradual = [[20, 24]], Ambiguous = [1], Distractors = [30] };

        var pairs = CutSimilarityStudy.Pairs(truth, withinStride: 1);

        Assert.Contains((9, 10, CutSimilarityStudy.PairKind.Cut), pairs);
        Assert.Contains((19, 25, CutSimilarityStudy.PairKind.Gradual), pairs);
        var within = pairs.Where(p => p.Kind == CutSimilarityStudy.PairKind.Within).ToList();
        Assert.DoesNotContain(within, p => p.Second == 10 || p.Second == 1 || p.First == 30 || p.Second == 30);
        Assert.DoesNotContain(within, p => p.First is >= 20 and <= 24 || p.Second is >= 20 and <= 24);
        Assert.Contains((2, 3, CutSimilarityStudy.PairKind.Within), within);
    }

    [SharedDataFact]
    public void Run_DevSet_WithinShotClearlyAboveAcrossCut()
    {
        // The dev clips with transitions (the others only add within-shot pairs and decoding time); within-shot pairs
        // every 20th frame keep this to ~300 embedded frames.
        var truths = new[] { "Megamind", "Megamind_bugy", "issue-195-aspect-ratio", "moviepy_test_video", "testvideo" }
            .Select(name => Path.Combine(SharedData.Folder!, "truth", name + ".truth.json"));

        var report = CutSimilarityStudy.Run(truths, fixture.Embedder, withinStride: 20, CancellationToken.None);

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"frames embedded {report.FramesEmbedded}"));
        foreach (var (name, d) in new[] { ("within shot", report.WithinShot), ("across cut", report.AcrossCut), ("across gradual", report.AcrossGradual) })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-15} n={d.Count,4} p5={d.P5:0.000} median={d.Median:0.000} p95={d.P95:0.000} min={d.Min:0.000} max={d.Max:0.000}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {report.Threshold:0.000}: accuracy {report.Accuracy:0.000}, balanced accuracy {report.BalancedAccuracy:0.000}"));
        Assert.Equal(19, report.AcrossCut.Count);
        Assert.True(report.WithinShot.P5 > report.AcrossCut.P95, $"within p5 {report.WithinShot.P5}, across p95 {report.AcrossCut.P95}");
        Assert.True(report.WithinShot.Median - report.AcrossCut.Median > 0.3, $"medians {report.WithinShot.Median} vs {report.AcrossCut.Median}");
        Assert.True(report.BalancedAccuracy >= 0.95, $"balanced accuracy {report.BalancedAccuracy}");
    }
}
