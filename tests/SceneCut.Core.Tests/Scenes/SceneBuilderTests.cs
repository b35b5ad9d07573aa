using SceneCut.Results;
using SceneCut.Scenes;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Scenes;

public sealed class SceneBuilderTests
{
    private const double Fps = 25;

    // Five shots of 4 s (100 frames) each.
    private static readonly List<ShotEntry> FiveShots = ShotList.FromStarts(Fps, 500, [0, 100, 200, 300, 400]);

    [Fact]
    public void Build_NoShots_NoScenes()
    {
        Assert.Empty(SceneBuilder.Build([], [], 0.5));
    }

    [Fact]
    public void Build_OneShot_OneSceneWithScoreOne()
    {
        var shot = ShotList.FromStarts(Fps, 250, [0]);

        var scene = Assert.Single(SceneBuilder.Build(shot, [0.2], 0.5));

        Assert.Equal(new SceneEntry(0, 0, 0, 0, 249, 0, 10, 1.0), scene);
    }

    public static TheoryData<double[], double, int[]> FirstShots => new()
    {
        // Probability of a new scene at each shot (index 0 ignored), threshold, expected first shot of each scene.
        { [0.0, 0.1, 0.2, 0.3, 0.4], 0.5, [0] },
        { [0.9, 0.9, 0.9, 0.9, 0.9], 0.5, [0, 1, 2, 3, 4] },
        { [0.0, 0.9, 0.2, 0.5, 0.49], 0.5, [0, 1, 3] },
        { [0.0, 0.9, 0.2, 0.5, 0.49], 0.95, [0] },
        { [0.0, 0.3, 0.2, 0.5, 0.49], 0.3, [0, 1, 3, 4] },
    };

    [Theory]
    [MemberData(nameof(FirstShots))]
    public void Build_SplitsWhereProbabilityReachesThreshold(double[] probability, double threshold, int[] firstShots)
    {
        var scenes = SceneBuilder.Build(FiveShots, probability, threshold);

        Assert.Equal(firstShots, scenes.Select(s => s.FirstShot));
        Assert.Equal(Enumerable.Range(0, scenes.Count), scenes.Select(s => s.Index));
        // Scenes tile the shots: each ends on the shot before the next scene, the last on the last shot.
        Assert.Equal(firstShots.Skip(1).Select(f => f - 1).Append(4), scenes.Select(s => s.LastShot));
    }

    [Fact]
    public void Build_SceneCarriesFramesSecondsAndBoundaryScore()
    {
        var scenes = SceneBuilder.Build(FiveShots, [0.0, 0.9, 0.2, 0.5, 0.49], 0.5);

        Assert.Equal(
            [
                new SceneEntry(0, 0, 0, 0, 99, 0, 4, 1.0),
                new SceneEntry(1, 1, 2, 100, 299, 4, 12, 0.9),
                new SceneEntry(2, 3, 4, 300, 499, 12, 20, 0.5),
            ],
            scenes);
    }

    [Fact]
    public void Build_ProbabilityCountDiffersFromShots_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => SceneBuilder.Build(FiveShots, [0.0, 0.9], 0.5));

        Assert.Contains("5 shots, 2 probabilities", ex.Message);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Build_ProbabilityOutsideUnitInterval_Throws(double bad)
    {
        Assert.Throws<ArgumentException>(() => SceneBuilder.Build(FiveShots, [0.0, 0.9, bad, 0.1, 0.1], 0.5));
    }

    // Shots starting at 0, 4, 4.6, 5, 9 and 13 s (a 0.6 s and a 0.4 s shot after the second).
    private static readonly List<ShotEntry> CloseShots = ShotList.FromStarts(Fps, 425, [0, 100, 115, 125, 225, 325]);

    public static TheoryData<double[], double, int[]> ShortestScene => new()
    {
        // Probabilities, shortest scene in seconds, expected first shot of each scene (threshold 0.5).
        { [0.0, 0.9, 0.8, 0.6, 0.9, 0.7], 0, [0, 1, 2, 3, 4, 5] },
        // 4.6 s lies within 1 s of the stronger start at 4 s; 5 s is exactly 1 s from it and stays.
        { [0.0, 0.9, 0.8, 0.6, 0.9, 0.7], 1, [0, 1, 3, 4, 5] },
        // The stronger of two close starts wins even when it comes later.
        { [0.0, 0.6, 0.95, 0.1, 0.9, 0.7], 1, [0, 2, 4, 5] },
        // The video's start counts as a start: nothing less than 5 s after it; 13 s is within 5 s of 9 s.
        { [0.0, 0.9, 0.95, 0.6, 0.9, 0.7], 5, [0, 4] },
    };

    [Theory]
    [MemberData(nameof(ShortestScene))]
    public void Build_MinSceneSeconds_KeepsTheStrongerOfCloseStarts(double[] probability, double minSceneSeconds, int[] firstShots)
    {
        var scenes = SceneBuilder.Build(CloseShots, probability, 0.5, minSceneSeconds);

        Assert.Equal(firstShots, scenes.Select(s => s.FirstShot));
        Assert.Equal(firstShots.Skip(1).Select(f => f - 1).Append(5), scenes.Select(s => s.LastShot));
        Assert.Equal(firstShots.Select(f => f == 0 ? 1.0 : probability[f]), scenes.Select(s => s.BoundaryScore));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void Build_BadMinSceneSeconds_Throws(double bad)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SceneBuilder.Build(FiveShots, [0.0, 0.9, 0.1, 0.1, 0.1], 0.5, bad));
    }
}
