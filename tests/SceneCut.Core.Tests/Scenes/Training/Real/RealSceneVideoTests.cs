using SceneCut.Evaluation.Real;
using SceneCut.Scenes.Training;
using SceneCut.Scenes.Training.Real;
using SceneCut.Shots;

namespace SceneCut.Tests.Scenes.Training.Real;

/// <summary>Real truth labels the detected shots a scene model learns from, and scene starts are scored as detection reports them.</summary>
public sealed class RealSceneVideoTests
{
    // 25 fps; shots start at 0, 50, 100, 160 (black), 170, 300; truth: a cut at 100, a fade through black 160–175, scenes at 100 and 175.
    private static FootageIndex Footage() => new(
        "x.mp4",
        "cnn",
        14,
        [
            new FootageShot(0, 2, null, false, 0),
            new FootageShot(2, 4, TransitionKind.Cut, false, 50),
            new FootageShot(4, 6.4, TransitionKind.Cut, false, 100),
            new FootageShot(6.4, 6.8, TransitionKind.FadeOut, true, 160),
            new FootageShot(6.8, 12, TransitionKind.FadeIn, false, 170),
            new FootageShot(12, 14, TransitionKind.Cut, false, 300),
        ],
        [new FootageSample(1, [1f, 0f]), new FootageSample(3, [1f, 0f]), new FootageSample(5, [0f, 1f]), new FootageSample(9, [1f, 0f]), new FootageSample(13, [1f, 0f])]);

    private static RealTruth Truth(params int[] scenes) => new()
    {
        Video = "media/x.mp4",
        Name = "x",
        Fps = 25,
        FrameCount = 350,
        Transitions =
        [
            new RealTransition { Type = "cut", Frame = 50 },
            new RealTransition { Type = "cut", Frame = 100 },
            new RealTransition { Type = "gradual", Start = 160, End = 175 },
            new RealTransition { Type = "cut", Frame = 300 },
        ],
        Scenes = scenes,
    };

    [Fact]
    public void Of_LabelsTheShotNearestEachSceneStart_OnePerStart()
    {
        var video = RealSceneVideo.Of(Truth(100, 175), Footage());

        // The fade's span 160–175 holds two shot starts (the black at 160 and the picture at 170): one label, the nearer.
        Assert.Equal([0f, 0f, 1f, 1f, 0f, 0f], video.Labels);
        Assert.Equal(0, video.UnmatchedScenes);
        Assert.Equal([0, 50, 100, 160, 170, 300], video.Entries.Select(e => e.StartFrame));
        Assert.Equal(349, video.Entries[^1].EndFrame);
    }

    [Fact]
    public void Of_SceneStartWithNoShotWithinOneSecond_IsCountedUnmatched()
    {
        var video = RealSceneVideo.Of(Truth(100, 240), Footage());

        Assert.Equal(1, video.UnmatchedScenes);
        Assert.Equal(1f, video.Labels.Sum());
    }

    [Fact]
    public void SceneStarts_BlackShotOpensTheNextScene_AndScoresAsDetectionWould()
    {
        var video = RealSceneVideo.Of(Truth(100, 175), Footage());
        // The model is sure after the black shot; detection moves that start to the black shot's first frame.
        double[] p = [1, 0.1, 0.9, 0.2, 0.95, 0.1];

        var starts = video.SceneStarts(p, new SceneOperatingPoint(0.5, 0));
        var score = video.Score(p, new SceneOperatingPoint(0.5, 0));

        Assert.Equal([100, 160], starts);
        Assert.Equal(new SceneCut.Evaluation.MatchCounts(2, 0, 0), score.Scenes);
    }
}
