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
