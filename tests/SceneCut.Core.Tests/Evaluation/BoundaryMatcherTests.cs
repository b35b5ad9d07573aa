using SceneCut.Evaluation;

namespace SceneCut.Tests.Evaluation;

/// <summary>The scoring protocol of shared/design.md, pinned on small tables.</summary>
public sealed class BoundaryMatcherTests
{
    private static BoundaryInterval Cut(int frame) => new(frame, frame, BoundaryCategory.Cut);

    private static BoundaryInterval Gradual(int first, int last) => new(first, last, BoundaryCategory.Gradual);

    [Theory]
    [InlineData(100, 0, true)]
    [InlineData(101, 0, false)]
    [InlineData(101, 1, true)]
    [InlineData(98, 2, true)]
    [InlineData(97, 2, false)]
    public void Match_CutWithinTolerance_IsHit(int predicted, int k, bool hit)
    {
        var m = BoundaryMatcher.Match([Cut(100)], [Cut(predicted)], k, [], []);

        Assert.Equal(hit ? new MatchCounts(1, 0, 0) : new MatchCounts(0, 1, 1), m.All);
    }

    [Fact]
    public void Match_IsOneToOne_SecondPredictionIsFalsePositive()
    {
        var m = BoundaryMatcher.Match([Cut(100)], [Cut(100), Cut(101)], k: 2, [], []);

        Assert.Equal(new MatchCounts(1, 1, 0), m.All);
    }

    [Fact]
    public void Match_ClosestPairsFirst()
    {
        // 102 could take 100 or 103; closest-first gives 103 to 102 and 100 to 99.
        var m = BoundaryMatcher.Match([Cut(100), Cut(103)], [Cut(99), Cut(102)], k: 2, [], []);

        Assert.Equal(new MatchCounts(2, 0, 0), m.All);
    }

    [Fact]
    public void Match_PointInsideWidenedGradualInterval_IsHit()
    {
        var m = BoundaryMatcher.Match([Gradual(200, 230)], [Cut(232), Gradual(210, 240)], k: 2, [], []);

        Assert.Equal(1, m.Gradual.TruePositives);
        Assert.Equal(1, m.Cuts.FalsePositives);
    }

    [Fact]
    public void Match_PredictionAtAmbiguousFrame_CountsNeitherWay()
    {
        var m = BoundaryMatcher.Match([Cut(50)], [Cut(1), Cut(50)], k: 0, ambiguous: [1], distractors: []);

        Assert.Equal(new MatchCounts(1, 0, 0), m.All);
    }

    [Fact]
    public void Match_PredictionOnDistractor_IsCountedAndFalsePositive()
    {
        var m = BoundaryMatcher.Match([], [Cut(40)], k: 2, ambiguous: [], distractors: [40]);

        Assert.Equal(1, m.DistractorHits);
        Assert.Equal(new MatchCounts(0, 1, 0), m.All);
    }

    [Fact]
    public void MatchCounts_MicroAverage_SumsBeforeDividing()
    {
        var sum = new MatchCounts(9, 1, 0) + new MatchCounts(0, 0, 1);

        Assert.Equal(0.9, sum.Precision, 6);
        Assert.Equal(0.9, sum.Recall, 6);
        Assert.Equal(0.9, sum.F1, 6);
    }
}
