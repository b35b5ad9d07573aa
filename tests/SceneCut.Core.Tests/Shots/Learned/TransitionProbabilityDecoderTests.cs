using SceneCut.Shots;
using SceneCut.Shots.Learned;

namespace SceneCut.Tests.Shots.Learned;

public sealed class TransitionProbabilityDecoderTests
{
    private static List<Transition> Decode(float[] cut, float[] gradual, int minGradualFrames = 2, double minGradualScore = 0.5,
        int maxGradualFrames = int.MaxValue)
    {
        var decoder = new TransitionProbabilityDecoder(0.5, 0.5, minGradualFrames, minGradualScore, maxGradualFrames);
        var found = new List<Transition>();
        for (var t = 0; t < cut.Length; t++)
        {
            found.AddRange(decoder.Push(t, cut[t], gradual[t]));
        }

        found.AddRange(decoder.Flush(cut.Length - 1));
        return found;
    }

    private static float[] Zeros(int n) => new float[n];

    [Fact]
    public void Decode_PeakOfCutProbability_IsOneCutAtThePeak()
    {
        var cut = Zeros(30);
        cut[9] = 0.6f;
        cut[10] = 0.95f;
        cut[11] = 0.7f;
        var found = Assert.Single(Decode(cut, Zeros(30)));
        Assert.Equal((TransitionKind.Cut, 10, 10), (found.Kind, found.StartFrame, found.EndFrame));
    }

    [Fact]
    public void Decode_RunOfGradualProbability_IsOneGradualTransitionAndAbsorbsTheCutAtItsEdge()
    {
        var cut = Zeros(40);
        var gradual = Zeros(40);
        for (var t = 12; t <= 20; t++)
        {
            gradual[t] = 0.8f;
        }

        cut[21] = 0.9f;
        var found = Assert.Single(Decode(cut, gradual));
        Assert.Equal((TransitionKind.Dissolve, 12, 20), (found.Kind, found.StartFrame, found.EndFrame));
        Assert.Equal(0.8, found.Score, 5);
    }

    [Fact]
    public void Decode_ShortOrDoubtfulRuns_DroppedButACutInsideOneSurvives()
    {
        var cut = Zeros(60);
        var gradual = Zeros(60);
        // Three frames at 0.9: shorter than 4.
        gradual[10] = gradual[11] = gradual[12] = 0.9f;
        cut[11] = 0.9f;
        // Six frames at 0.55: mean below 0.75.
        for (var t = 30; t < 36; t++)
        {
            gradual[t] = 0.55f;
        }

        var found = Assert.Single(Decode(cut, gradual, minGradualFrames: 4, minGradualScore: 0.75));
        Assert.Equal((TransitionKind.Cut, 11), (found.Kind, found.StartFrame));
    }

    [Theory]
    [InlineData(75, new[] { 10, 84, 85, 109 })]
    [InlineData(100, new[] { 10, 109 })]
    [InlineData(40, new[] { 10, 49, 50, 89, 90, 109 })]
    public void Decode_RunLongerThanTheLongestGradual_ReportedInPiecesNoLongerThanIt(int maxGradualFrames, int[] bounds)
    {
        // 100 frames of P(gradual) 0.9 from frame 10: ends at 109.
        var cut = Zeros(160);
        var gradual = Zeros(160);
        for (var t = 10; t < 110; t++)
        {
            gradual[t] = 0.9f;
        }

        var found = Decode(cut, gradual, minGradualFrames: 8, maxGradualFrames: maxGradualFrames);

        Assert.Equal(bounds, found.SelectMany(t => new[] { t.StartFrame, t.EndFrame }));
        Assert.All(found, t => Assert.True(t.EndFrame - t.StartFrame + 1 <= maxGradualFrames, $"{t} is longer than {maxGradualFrames} frames"));
    }
}
