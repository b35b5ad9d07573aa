using OpenCvSharp;
using SceneCut.Scenes;

namespace SceneCut.Tests.Scenes;

public sealed class ShotSamplerTests
{
    private static Mat Frame(int index) => new(new Size(640, 360), MatType.CV_8UC3, new Scalar(index % 256, 0, 0));

    [Fact]
    public void TakeForShot_ReturnsTheCopyNearestTheMiddle_ScaledToTheShortSide()
    {
        using var sampler = new ShotSampler(everyFrames: 5, maxSamples: 32, shortSide: 90);
        for (var i = 0; i < 50; i++)
        {
            using var frame = Frame(i);
            sampler.Offer(i, frame);
        }

        using var taken = sampler.TakeForShot(0, 29);

        Assert.NotNull(taken);
        Assert.Equal(90, taken.Height);
        Assert.Equal(160, taken.Width);
        // Copies at 0, 5, …, 45; the middle of [0, 29] is 14.5: frame 15 (blue channel = 15).
        Assert.Equal(15, taken.Get<Vec3b>(0, 0).Item0);
        // Copies of the finished shot are released, all but its last (25), which a following sliver may borrow.
        Assert.Equal(5, sampler.Count);
    }

    [Fact]
    public void Offer_VeryLongShot_KeepsMemoryBounded()
    {
        using var sampler = new ShotSampler(everyFrames: 1, maxSamples: 16, shortSide: 32);
        for (var i = 0; i < 10_000; i++)
        {
            using var frame = Frame(i);
            sampler.Offer(i, frame);
            Assert.True(sampler.Count <= 16);
        }

        using var taken = sampler.TakeForShot(0, 9_999);
        Assert.NotNull(taken);
    }

    [Fact]
    public void TakeForShot_ShotShorterThanTheCadence_BorrowsTheNearestCopy()
    {
        using var sampler = new ShotSampler(everyFrames: 10, maxSamples: 32, shortSide: 32);
        for (var i = 0; i < 25; i++)
        {
            using var frame = Frame(i);
            sampler.Offer(i, frame);
        }

        using var first = sampler.TakeForShot(0, 10);
        using var sliver = sampler.TakeForShot(11, 13);

        Assert.NotNull(sliver);
        Assert.Equal(10, sliver.Get<Vec3b>(0, 0).Item0);
    }
}
