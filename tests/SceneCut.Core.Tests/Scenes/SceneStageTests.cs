using SceneCut.Scenes;

namespace SceneCut.Tests.Scenes;

public sealed class SceneStageTests
{
    private static ShotSummary Shot(bool black) => new(0, 1, null, black, [1f]);

    [Fact]
    public void BlackShotsOpenScenes_LeadingBlackFrame_NoSceneOfItsOwn()
    {
        var p = SceneStage.BlackShotsOpenScenes([Shot(true), Shot(false), Shot(false)], [1.0, 0.96, 0.01]);

        Assert.Equal([1.0, 0.0, 0.01], p);
    }

    [Fact]
    public void BlackShotsOpenScenes_BlackBetweenFades_BoundaryMovesToTheBlack()
    {
        var p = SceneStage.BlackShotsOpenScenes([Shot(false), Shot(true), Shot(false)], [1.0, 0.2, 0.9]);

        Assert.Equal([1.0, 0.9, 0.0], p);
    }
}
