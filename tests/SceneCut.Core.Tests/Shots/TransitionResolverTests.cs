using SceneCut.Shots;

namespace SceneCut.Tests.Shots;

public sealed class TransitionResolverTests
{
    [Fact]
    public void Resolve_CutInsideGradual_GradualWins()
    {
        var resolved = TransitionResolver.Resolve(
            [new Transition(TransitionKind.Cut, 101, 101, 0.9), new Transition(TransitionKind.Dissolve, 100, 120, 0.8)],
            maxBlackPauseFrames: 25);

        Assert.Equal([new Transition(TransitionKind.Dissolve, 100, 120, 0.8)], resolved);
    }

    [Fact]
    public void Resolve_OverlappingGradual_KeepsTheStronger()
    {
        var resolved = TransitionResolver.Resolve(
            [new Transition(TransitionKind.Dissolve, 100, 120, 0.6), new Transition(TransitionKind.FadeOut, 110, 130, 0.9)],
            maxBlackPauseFrames: 25);

        Assert.Equal(TransitionKind.FadeOut, Assert.Single(resolved).Kind);
    }

    [Theory]
    [InlineData(10, TransitionKind.FadeThroughBlack, 1)]
    [InlineData(25, TransitionKind.FadeThroughBlack, 1)]
    [InlineData(26, TransitionKind.FadeOut, 2)]
    public void Resolve_FadeOutThenFadeIn_MergesOnlyShortPauses(int blackFrames, TransitionKind firstKind, int count)
    {
        var fadeOut = new Transition(TransitionKind.FadeOut, 100, 110, 0.9);
        var fadeIn = new Transition(TransitionKind.FadeIn, 111 + blackFrames, 121 + blackFrames, 0.8);

        var resolved = TransitionResolver.Resolve([fadeIn, fadeOut], maxBlackPauseFrames: 25);

        Assert.Equal(count, resolved.Count);
        Assert.Equal(firstKind, resolved[0].Kind);
        Assert.Equal(100, resolved[0].StartFrame);
        Assert.Equal(count == 1 ? 121 + blackFrames : 110, resolved[0].EndFrame);
    }

    [Fact]
    public void Resolve_LearnedDissolveOverThresholdFades_ThresholdFadesWin()
    {
        // The model's run covers a whole dip to black and scores higher; the thresholds' fades name it.
        var resolved = TransitionResolver.Resolve(
            [new Transition(TransitionKind.FadeOut, 230, 244, 0.9), new Transition(TransitionKind.FadeIn, 257, 270, 0.9)],
            [new Transition(TransitionKind.Dissolve, 230, 270, 0.99)],
            maxBlackPauseFrames: 25);

        Assert.Equal([new Transition(TransitionKind.FadeThroughBlack, 230, 270, 0.9)], resolved);
    }

    [Fact]
    public void Resolve_LearnedTransitionsNearThresholdOnes_Dropped()
    {
        // A learned cut one frame off a threshold cut is the same cut; a learned run over a threshold cut loses to it.
        var resolved = TransitionResolver.Resolve(
            [new Transition(TransitionKind.Cut, 100, 100, 0.6), new Transition(TransitionKind.Cut, 200, 200, 0.6)],
            [new Transition(TransitionKind.Cut, 101, 101, 0.99), new Transition(TransitionKind.Dissolve, 190, 210, 0.99)],
            maxBlackPauseFrames: 25);

        Assert.Equal([100, 200], resolved.Select(t => t.StartFrame));
        Assert.All(resolved, t => Assert.Equal(TransitionKind.Cut, t.Kind));
    }

    [Fact]
    public void Resolve_LearnedTransitionsWhereThresholdsFoundNothing_Added()
    {
        var resolved = TransitionResolver.Resolve(
            [new Transition(TransitionKind.Cut, 100, 100, 0.9), new Transition(TransitionKind.FadeOut, 300, 310, 0.9)],
            [new Transition(TransitionKind.Dissolve, 150, 170, 0.8), new Transition(TransitionKind.Cut, 250, 250, 0.97),
             new Transition(TransitionKind.FadeIn, 315, 325, 0.9)],
            maxBlackPauseFrames: 25);

        // The model's fade in after the thresholds' fade out still makes one fade through black.
        Assert.Equal(
            [(TransitionKind.Cut, 100, 100), (TransitionKind.Dissolve, 150, 170), (TransitionKind.Cut, 250, 250), (TransitionKind.FadeThroughBlack, 300, 325)],
            resolved.Select(t => (t.Kind, t.StartFrame, t.EndFrame)));
    }

    [Fact]
    public void Resolve_TransitionAtFirstFrame_IsDropped()
    {
        Assert.Empty(TransitionResolver.Resolve([new Transition(TransitionKind.Cut, 0, 0, 1)], maxBlackPauseFrames: 25));
    }

    [Fact]
    public void NewShotStartFrame_FadeOutHandsOverAtFirstBlackFrame()
    {
        Assert.Equal(110, new Transition(TransitionKind.FadeOut, 100, 110, 1).NewShotStartFrame);
        Assert.Equal(100, new Transition(TransitionKind.FadeIn, 100, 110, 1).NewShotStartFrame);
        Assert.Equal(100, new Transition(TransitionKind.Cut, 100, 100, 1).NewShotStartFrame);
    }
}
