using SceneCut.Shots;
using SceneCut.Shots.Learned;

namespace SceneCut.Tests.Shots.Learned;

public sealed class TransitionEvidenceTests
{
    private static FrameFeatures Frame(int index, float level)
    {
        var gray = Enumerable.Range(0, 64 * 36).Select(i => Math.Clamp(level + (i % 64 / 640f), 0f, 1f)).ToArray();
        var histogram = new float[48];
        histogram[(int)(level * 15.99f)] = 1 / 3f;
        histogram[16 + (int)(level * 15.99f)] = 1 / 3f;
        histogram[32 + (int)(level * 15.99f)] = 1 / 3f;
        return new FrameFeatures(index, index / 25.0, gray.Average(), 0.03f, histogram, gray);
    }

    [Fact]
    public void Next_StillThenCut_NoChangeThenChangeAtEveryLag()
    {
        var evidence = new TransitionEvidence();
        float[] last = [];
        for (var f = 0; f < 10; f++)
        {
            last = evidence.Next(Frame(f, 0.2f));
        }

        // A still picture: log-scaled pixel change at every lag is the floor (0).
        Assert.All(last[..4], v => Assert.Equal(0f, v, 3));
        var cut = evidence.Next(Frame(10, 0.8f));
        Assert.All(cut[..4], v => Assert.True(v > 0.6f, $"pixel change {v}"));
        Assert.All(cut[4..8], v => Assert.True(v > 0.9f, $"histogram change {v}"));
        Assert.True(cut[19] > 0.5f, $"step against the recent median {cut[19]}");
        Assert.Equal(TransitionEvidence.Size, cut.Length);
    }
}
