using SceneCut.Shots;
using SceneCut.Shots.Learned;

namespace SceneCut.Tests.Shots.Learned;

public sealed class DipToBlackTests
{
    // Frames 244..256 are black (the bundled demo's dip).
    private static bool Black(int frame) => frame is >= 244 and <= 256;

    [Theory]
    [InlineData(230, 270, "FadeOut 230-244 FadeIn 257-270")]
    [InlineData(230, 250, "FadeOut 230-244")]
    [InlineData(250, 270, "FadeIn 257-270")]
    [InlineData(246, 254, "FadeThroughBlack 246-254")]
    [InlineData(170, 190, "Dissolve 170-190")]
    public void Name_GradualRun_FadesWhereItPassesThroughBlack(int start, int end, string expected)
    {
        var named = DipToBlack.Name(new Transition(TransitionKind.Dissolve, start, end, 0.95), Black);

        Assert.Equal(expected, string.Join(' ', named.Select(t => $"{t.Kind} {t.StartFrame}-{t.EndFrame}")));
        Assert.All(named, t => Assert.Equal(0.95, t.Score));
    }

    [Fact]
    public void Name_Cut_Unchanged()
    {
        var cut = new Transition(TransitionKind.Cut, 250, 250, 0.9);
        Assert.Equal([cut], DipToBlack.Name(cut, Black));
    }
}
