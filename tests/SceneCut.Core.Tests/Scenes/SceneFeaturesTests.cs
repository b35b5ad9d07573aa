using SceneCut.Scenes;
using SceneCut.Shots;

namespace SceneCut.Tests.Scenes;

public sealed class SceneFeaturesTests
{
    private static float[] Unit(int axis, int dimension = 8)
    {
        var v = new float[dimension];
        v[axis] = 1;
        return v;
    }

    private static ShotSummary Shot(int place, TransitionKind? kind = TransitionKind.Cut, double seconds = 3) =>
        new(0, seconds, kind, false, Unit(place));

    [Fact]
    public void Build_OneVectorPerShot_OfTheDeclaredSize()
    {
        var features = SceneFeatures.Build([Shot(0, null), Shot(0), Shot(1)]);

        Assert.Equal(3, features.Length);
        Assert.All(features, f => Assert.Equal(SceneFeatures.Size, f.Length));
    }

    [Fact]
    public void Build_ChangeOfPlace_LowersCrossBoundarySimilarity()
    {
        // Places: A A A B B B. The boundary at shot 3 changes place; the one at shot 1 does not.
        var features = SceneFeatures.Build([Shot(0, null), Shot(0), Shot(0), Shot(1), Shot(1), Shot(1)]);

        Assert.Equal(1f, features[1][0], 5);
        Assert.Equal(0f, features[3][0], 5);
        Assert.Equal(0f, features[3][2], 5);
    }

    [Fact]
    public void Build_DialogueAlternation_BestPairFindsThePlaceAgain()
    {
        // Shot/reverse-shot: A B A B. The adjacent shots differ, but the best pair within two shots matches.
        var features = SceneFeatures.Build([Shot(0, null), Shot(1), Shot(0), Shot(1)]);

        Assert.Equal(0f, features[2][0], 5);
        Assert.Equal(1f, features[2][1], 5);
    }

    [Fact]
    public void Build_EncodesTheTransitionKind()
    {
        var features = SceneFeatures.Build([Shot(0, null), Shot(1, TransitionKind.FadeThroughBlack)]);

        // Kinds follow the ten relational features: cut, dissolve, fade-in, fade-out, fade-through-black.
        Assert.Equal([0f, 0f, 0f, 0f, 1f], features[1][10..15]);
        Assert.Equal([0f, 0f, 0f, 0f, 0f], features[0][10..15]);
    }

    [Fact]
    public void Build_LegacySize_IsThePrefixOfTodaysFeatures()
    {
        ShotSummary[] shots = [Shot(0, null), Shot(0), Shot(1), Shot(1), Shot(2, TransitionKind.Dissolve, 7)];

        var full = SceneFeatures.Build(shots);
        var legacy = SceneFeatures.Build(shots, SceneFeatures.LegacySize);

        Assert.All(legacy, f => Assert.Equal(SceneFeatures.LegacySize, f.Length));
        for (var i = 0; i < shots.Length; i++)
        {
            Assert.Equal(legacy[i], full[i][..SceneFeatures.LegacySize]);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SceneFeatures.Build(shots, 17));
    }

    [Fact]
    public void Build_ChangeLargerThanItsNeighbours_StandsOutAgainstTheVideo()
    {
        // Places A A A A B B B B: among the boundaries around it, only the one at shot 4 changes place.
        var features = SceneFeatures.Build([Shot(0, null), Shot(0), Shot(0), Shot(0), Shot(1), Shot(1), Shot(1), Shot(1)]);
        var relative = SceneFeatures.LegacySize;

        // Excess over the median neighbouring change, and its rank among them.
        Assert.Equal(1f, features[4][relative], 5);
        Assert.Equal(1f, features[4][relative + 1], 5);
        Assert.Equal(0f, features[2][relative], 5);
        // The look does not come back within the neighbourhood: the best pair across the boundary is 0.
        Assert.Equal(0f, features[4][relative + 2], 5);
        Assert.Equal(1f, features[2][relative + 2], 5);
    }

    [Fact]
    public void Build_ShotLengths_AreRelativeToTheVideosMedianShot()
    {
        // A 12 s shot in a video of 3 s shots is four times the median.
        var features = SceneFeatures.Build([Shot(0, null), Shot(1), Shot(2, seconds: 12), Shot(3)]);

        Assert.Equal(MathF.Log(4f), features[3][SceneFeatures.LegacySize + 3], 4);
        Assert.Equal(0f, features[3][SceneFeatures.LegacySize + 4], 4);
    }
}
