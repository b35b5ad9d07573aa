using SceneCut.Evaluation;
using SceneCut.Results;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Evaluation;

/// <summary>The scene and ad-slot metrics of shared/design.md, checked against hand-computed values.</summary>
public sealed class SceneMetricsTests
{
    private const double Fps = 25;

    private static List<ShotBoundaryLabel> Labels(int[] y, double[] scores) =>
        y.Zip(scores, (label, score) => new ShotBoundaryLabel(score, label == 1)).ToList();

    public static TheoryData<int[], double[], int, double> AveragePrecisionCases => new()
    {
        // scikit-learn's documented example: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333.
        { [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0, 5.0 / 6 },
        // Tied scores enter together: P = 1/2 at R = 1/2, then P = 2/3 at R = 1 → 0.25 + 0.3333.
        { [1, 0, 1], [0.5, 0.5, 0.2], 0, 7.0 / 12 },
        // Perfect ranking.
        { [0, 1, 0, 1], [0.1, 0.9, 0.2, 0.8], 0, 1.0 },
        // Worst ranking: the positive comes last, P = 1/3 at R = 1.
        { [1, 0, 0], [0.1, 0.8, 0.9], 0, 1.0 / 3 },
        // A true start no shot was detected near caps recall at 1/2: 0.5 · 1.
        { [1, 0], [0.9, 0.1], 1, 0.5 },
    };

    [Theory]
    [MemberData(nameof(AveragePrecisionCases))]
    public void AveragePrecision_MatchesScikitLearn(int[] y, double[] scores, int missed, double expected)
    {
        Assert.Equal(expected, AveragePrecision.Compute(Labels(y, scores), missed)!.Value, 9);
    }

    [Fact]
    public void AveragePrecision_NoPositive_IsUndefined()
    {
        Assert.Null(AveragePrecision.Compute(Labels([0, 0], [0.3, 0.7])));
    }

    [Theory]
    [InlineData(new[] { 10.0, 10.5 }, new[] { 10.2 }, 1.0, 1)]
    [InlineData(new[] { 0.0, 2.0 }, new[] { 1.0, 3.0 }, 1.0, 2)]
    [InlineData(new[] { 5.0 }, new[] { 6.01 }, 1.0, 0)]
    [InlineData(new[] { 5.0, 20.0, 40.0 }, new[] { 40.4, 19.6, 5.5 }, 0.5, 3)]
    [InlineData(new double[0], new[] { 1.0 }, 1.0, 0)]
    public void TimeMatcher_OneToOneWithinTolerance(double[] predicted, double[] truth, double tolerance, int matches)
    {
        Assert.Equal(matches, TimeMatcher.CountMatches(predicted, truth, tolerance));
    }

    [Fact]
    public void MeanIoU_OneTrueSceneSplitInTwo_IsMeanOfBothDirections()
    {
        SecondsInterval[] truth = [new(0, 30)];
        SecondsInterval[] predicted = [new(0, 10), new(10, 30)];

        // true → predicted: 20/30; predicted → true: (10/30 + 20/30) / 2.
        Assert.Equal(20.0 / 30, SceneOverlap.MeanBestIoU(truth, predicted)!.Value, 9);
        Assert.Equal(0.5, SceneOverlap.MeanBestIoU(predicted, truth)!.Value, 9);
        Assert.Equal(((20.0 / 30) + 0.5) / 2, SceneOverlap.SymmetricMeanIoU(truth, predicted)!.Value, 9);
    }

    [Fact]
    public void MeanIoU_Identical_IsOne_AndNoPrediction_IsUndefined()
    {
        SecondsInterval[] scenes = [new(0, 10), new(10, 25)];

        Assert.Equal(1.0, SceneOverlap.SymmetricMeanIoU(scenes, scenes)!.Value, 9);
        Assert.Null(SceneOverlap.SymmetricMeanIoU(scenes, []));
    }

    // Six 10 s shots at 25 fps (frames 0, 250, …, 1250); true scenes start at 20 s and at frame 1010 (40.4 s, 0.4 s
    // after the shot at 40 s); the cuts at 10, 30 and 50 s are inside scenes.
    private static readonly List<ShotEntry> SixShots = ShotList.FromStarts(Fps, 1500, [0, 250, 500, 750, 1000, 1250]);

    private static TruthFile SceneTruth(int[] starts, int[] notBoundaries) =>
        new() { Video = "clips/test.mp4", Fps = Fps, FrameCount = 1500, SceneStarts = starts, NotSceneBoundaries = notBoundaries };

    [Fact]
    public void Score_Clip_EveryMetricByHand()
    {
        double[] probability = [0, 0.1, 0.9, 0.6, 0.8, 0.2];
        var document = ShotList.Document(Fps, SixShots) with
        {
            AdSlots = [new(507, 20.28, "00:00:20:07", 0.9, ["scene-change"]), new(750, 30, "00:00:30:00", 0.6, ["scene-change"])],
        };

        var clip = SceneEvaluator.Score("test", SceneTruth([0, 500, 1010], [250, 750, 1250]), document, probability);

        // Frame 0 is the implied first scene, not a boundary.
        Assert.Equal(2, clip.TrueSceneStarts);
        Assert.Equal(0, clip.UnmatchedSceneStarts);
        Assert.Equal([false, true, false, true, false], clip.Labels.Select(l => l.IsSceneStart));
        // Both true starts outrank every other boundary.
        Assert.Equal(1.0, clip.AveragePrecision!.Value, 9);
        // ≥ 0.5 at shots 2, 3, 4: shot 3 (30 s) is a known in-scene cut.
        Assert.Equal(new MatchCounts(2, 1, 0), clip.AtThreshold);
        Assert.Equal(1, clip.InSceneFalseAlarms);
        // Scenes (from the probabilities, the document has none) start at 20, 30 and 40 s; truth at 20 and 40.4 s.
        Assert.Equal(new MatchCounts(2, 1, 0), clip.WithinTolerance);
        // True scenes [0,20) [20,40.4) [40.4,60); predicted [0,20) [20,30) [30,40) [40,60).
        var forward = (1 + (10 / 20.4) + (19.6 / 20)) / 3;
        var backward = (1 + (10 / 20.4) + (10 / 20.4) + (19.6 / 20)) / 4;
        Assert.Equal((forward + backward) / 2, clip.MeanIoU!.Value, 9);
        // 20.28 s is within 0.5 s of 20 s; 30 s is mid-scene.
        Assert.Equal(new AdSlotHits(2, 1), clip.AdSlots);
        Assert.Equal(0.5, clip.AdSlots.Precision!.Value, 9);
    }

    [Fact]
    public void Score_TrueStartWithNoDetectedShotNearby_CountsAsMissed()
    {
        double[] probability = [0, 0.1, 0.9, 0.2, 0.2, 0.2];

        // Frame 1375 is 55 s: the nearest shot starts at 50 s, beyond the 1 s shot tolerance.
        var clip = SceneEvaluator.Score("test", SceneTruth([500, 1375], []), ShotList.Document(Fps, SixShots), probability);

        Assert.Equal(1, clip.UnmatchedSceneStarts);
        Assert.Equal(0.5, clip.AveragePrecision!.Value, 9);
        Assert.Equal(new MatchCounts(1, 0, 1), clip.AtThreshold);
        Assert.Equal(new MatchCounts(1, 0, 1), clip.WithinTolerance);
    }

    [Fact]
    public void Score_UsesTheDocumentsScenesWhenItHasThem()
    {
        double[] probability = [0, 0.1, 0.9, 0.6, 0.8, 0.2];
        SceneEntry[] oneScene = [new(0, 0, 5, 0, 1499, 0, 60, 1)];
        var document = ShotList.Document(Fps, SixShots) with { Scenes = oneScene };

        var clip = SceneEvaluator.Score("test", SceneTruth([500], []), document, probability);

        Assert.Equal(new MatchCounts(0, 0, 1), clip.WithinTolerance);
        // Shot-level scores still come from the probabilities.
        Assert.Equal(new MatchCounts(1, 2, 0), clip.AtThreshold);
    }

    [Fact]
    public void Score_WholeClipOneScene_NoBoundaryPredicted_IsPerfectInTime()
    {
        double[] probability = [0, 0.1, 0.2, 0.1, 0.3, 0.2];

        var clip = SceneEvaluator.Score("dialogue", SceneTruth([], [250, 500, 750, 1000, 1250]), ShotList.Document(Fps, SixShots), probability);

        Assert.Null(clip.AveragePrecision);
        Assert.Equal(new MatchCounts(0, 0, 0), clip.WithinTolerance);
        Assert.Equal(1.0, clip.WithinTolerance.F1);
        Assert.Equal(1.0, clip.MeanIoU!.Value, 9);
        Assert.Equal(0, clip.InSceneFalseAlarms);
        Assert.Null(clip.AdSlots.Precision);
    }

    [Fact]
    public void Score_ProbabilitiesDoNotMatchShots_Throws()
    {
        Assert.Throws<ArgumentException>(() => SceneEvaluator.Score("test", SceneTruth([500], []), ShotList.Document(Fps, SixShots), [0, 0.9]));
    }

    [Fact]
    public void Summarize_PoolsShotBoundariesForAp_AndSumsCounts()
    {
        // Clip a ranks its true start first; clip b ranks a false boundary above its true start.
        var a = SceneEvaluator.Score("a", SceneTruth([500], []), ShotList.Document(Fps, SixShots), [0, 0.1, 0.9, 0.2, 0.2, 0.2]);
        var b = SceneEvaluator.Score("b", SceneTruth([750], []), ShotList.Document(Fps, SixShots), [0, 0.7, 0.3, 0.6, 0.1, 0.1]);

        var overall = SceneEvaluator.Summarize([a, b]);

        Assert.Equal(1.0, a.AveragePrecision!.Value, 9);
        Assert.Equal(0.5, b.AveragePrecision!.Value, 9);
        // Pooled ranking 0.9 (T) 0.7 (F) 0.6 (T) …: 1 · 1/2 + 2/3 · 1/2, not the mean of the clips' APs (0.75).
        Assert.Equal((0.5 * 1) + (0.5 * 2.0 / 3), overall.AveragePrecision!.Value, 9);
        Assert.Equal(a.AtThreshold + b.AtThreshold, overall.AtThreshold);
        Assert.Equal(new MatchCounts(2, 1, 0), overall.AtThreshold);
        Assert.Equal((a.MeanIoU!.Value + b.MeanIoU!.Value) / 2, overall.MeanIoU!.Value, 9);
        Assert.Equal(2, overall.Clips);
    }

    [Fact]
    public void TruthFile_ReadsSceneTruth_AndRejectsAFrameThatIsBoth()
    {
        using var folder = new TempFolder();
        var good = folder.File("good.truth.json");
        File.WriteAllText(good, """{ "video": "clips/x.mp4", "fps": 25, "frame_count": 1500, "cuts": [250, 500], "scene_starts": [500], "not_scene_boundaries": [250] }""");
        var shotsOnly = folder.File("shots.truth.json");
        File.WriteAllText(shotsOnly, """{ "video": "clips/x.mp4", "fps": 25, "frame_count": 1500, "cuts": [250] }""");
        var bad = folder.File("bad.truth.json");
        File.WriteAllText(bad, """{ "video": "clips/x.mp4", "scene_starts": [500], "not_scene_boundaries": [500] }""");

        var truth = TruthFile.Load(good);

        Assert.Equal([500], truth.SceneStarts!);
        Assert.Equal([250], truth.NotSceneBoundaries);
        Assert.True(truth.HasSceneTruth);
        Assert.False(TruthFile.Load(shotsOnly).HasSceneTruth);
        Assert.Contains("frame 500 is both", Assert.Throws<InvalidDataException>(() => TruthFile.Load(bad)).Message);
    }
}
