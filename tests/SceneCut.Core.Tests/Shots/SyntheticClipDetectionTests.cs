using OpenCvSharp;
using SceneCut.Evaluation;
using SceneCut.Pipeline;
using SceneCut.Results;
using SceneCut.Shots;
using SceneCut.Synthetic;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Shots;

/// <summary>Generated clips with known transitions: every transition found at the right frame, nothing else.</summary>
public sealed class SyntheticClipDetectionTests
{
    private static readonly Size FrameSize = new(320, 180);

    public static TheoryData<string, SyntheticShot[], SyntheticTransition[], string[]> Clips => new()
    {
        {
            "hard cuts",
            [new(1, 40), new(2, 40), new(3, 40)],
            [SyntheticTransition.Cut, SyntheticTransition.Cut],
            [TransitionKinds.Cut, TransitionKinds.Cut]
        },
        {
            "cross-dissolve",
            [new(4, 40), new(5, 40)],
            [new(TransitionKind.Dissolve, Frames: 20)],
            [TransitionKinds.Dissolve]
        },
        {
            "short fade through black is one transition",
            [new(6, 40), new(7, 40)],
            [new(TransitionKind.FadeThroughBlack, Frames: 12, BlackFrames: 5)],
            [TransitionKinds.FadeThroughBlack]
        },
        {
            "long black pause: fade out, black shot, fade in",
            [new(8, 40), new(9, 40)],
            [new(TransitionKind.FadeThroughBlack, Frames: 12, BlackFrames: 40)],
            [TransitionKinds.FadeOut, TransitionKinds.FadeIn]
        },
        {
            "a white flash frame is not a cut",
            [new(10, 40), new(11, 50, FlashFrames: [20]), new(12, 40)],
            [SyntheticTransition.Cut, SyntheticTransition.Cut],
            [TransitionKinds.Cut, TransitionKinds.Cut]
        },
        {
            "a panning shot is one shot; a cut between pans is found",
            [new(13, 60, PanPixelsPerFrame: 2), new(14, 60, PanPixelsPerFrame: 2)],
            [SyntheticTransition.Cut],
            [TransitionKinds.Cut]
        },
    };

    [Theory]
    [MemberData(nameof(Clips))]
    public async Task Detect_GeneratedClip_FindsExactlyTheTransitions(string name, SyntheticShot[] shots, SyntheticTransition[] transitions, string[] expectedKinds)
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        var truth = SyntheticClip.Write(path, shots, transitions, FrameSize, fps: 25);

        var result = await ScenePipeline.RunAsync(path, new PipelineOptions(), progress: null, CancellationToken.None);

        Assert.Equal(truth.FrameCount, result.Video.FrameCount);
        var kinds = result.Shots.Select(s => s.TransitionIn?.Kind).OfType<string>().ToArray();
        Assert.True(expectedKinds.SequenceEqual(kinds), $"{name}: expected [{string.Join(", ", expectedKinds)}], found [{string.Join(", ", kinds)}]");
        var score = ShotEvaluator.Score(name, truth, result).ByTolerance[1];
        Assert.True(score.All.F1 == 1.0, $"{name}: F1 at k=1 is {score.All.F1:0.000} (TP {score.All.TruePositives}, FP {score.All.FalsePositives}, FN {score.All.FalseNegatives})");
        // Hard cuts are frame-exact (k = 0).
        Assert.Equal(truth.Cuts, result.Shots.Select(s => s.TransitionIn).Where(t => t?.Kind == TransitionKinds.Cut).Select(t => t!.StartFrame));
    }

    [Fact]
    public async Task Detect_GeneratedClip_ShotsCoverEveryFrameInOrder()
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        SyntheticClip.Write(path, [new(21, 30), new(22, 30), new(23, 30)], [SyntheticTransition.Cut, new(TransitionKind.Dissolve, Frames: 10)], FrameSize, fps: 25);

        var result = await ScenePipeline.RunAsync(path, new PipelineOptions(), progress: null, CancellationToken.None);

        Assert.Equal(0, result.Shots[0].StartFrame);
        Assert.Null(result.Shots[0].TransitionIn);
        Assert.Equal(result.Video.FrameCount - 1, result.Shots[^1].EndFrame);
        for (var i = 1; i < result.Shots.Count; i++)
        {
            Assert.Equal(result.Shots[i - 1].EndFrame + 1, result.Shots[i].StartFrame);
            Assert.Equal(result.Shots[i - 1].EndSeconds, result.Shots[i].StartSeconds);
            Assert.True(result.Shots[i].StartSeconds > result.Shots[i - 1].StartSeconds);
        }
    }
}
