using SceneCut.Embeddings;
using SceneCut.Evaluation;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Embeddings;

public sealed class CutSimilarityStudyTests(ResNet18Fixture fixture) : IClassFixture<ResNet18Fixture>
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
    public void Run_DevClipsWithCuts_WithinShotClearlyAboveAcrossCut()
    {
        // Two clips with 9 cuts between them; within-shot pairs every 20th frame keep this to ~150 frames.
        var truths = new[] { "Megamind.truth.json", "moviepy_test_video.truth.json" }
            .Select(name => Path.Combine(SharedData.Folder!, "truth", name));

        var report = CutSimilarityStudy.Run(truths, fixture.Embedder, withinStride: 20, CancellationToken.None);

        Assert.Equal(9, report.AcrossCut.Count);
        Assert.True(report.WithinShot.P5 > report.AcrossCut.P95, $"within p5 {report.WithinShot.P5}, across p95 {report.AcrossCut.P95}");
        Assert.True(report.BalancedAccuracy >= 0.95, $"balanced accuracy {report.BalancedAccuracy}");
    }
}
