using SceneCut.Video.Damage;

namespace SceneCut.Tests.Video.Damage;

public sealed class DamageCollectorTests
{
    [Fact]
    public void Build_NothingMarked_IsNone()
    {
        var damage = new DamageCollector().Build(100);

        Assert.Empty(damage.Ranges);
        Assert.True(damage.CanTell);
        Assert.Equal(0, damage.DamagedFrames);
        Assert.Null(damage.Warning(100));
    }

    [Fact]
    public void Mark_ReportsAFewFramesApart_JoinOneRange_FartherOnesStartAnother()
    {
        var collector = new DamageCollector();
        collector.Mark(10, 10, "h264: error while decoding MB 1 2");
        collector.Mark(13, 13, "h264: error while decoding MB 1 2");
        collector.Mark(40, 42, "h264: Reference 5 >= 4");

        var damage = collector.Build(100);

        Assert.Equal([(10, 13, 2), (40, 42, 1)], damage.Ranges.Select(r => (r.StartFrame, r.EndFrame, r.Errors)));
        Assert.Equal(["h264: error while decoding MB 1 2"], damage.Ranges[0].Messages);
        Assert.Equal(7, damage.DamagedFrames);
        Assert.Equal(3, damage.Errors);
    }

    [Fact]
    public void Build_ReportsPastTheLastFrame_StayOnTheLastFrame()
    {
        var collector = new DamageCollector();
        collector.Mark(95, 104, "h264: error while decoding MB 0 0");

        var range = Assert.Single(collector.Build(98).Ranges);

        Assert.Equal((95, 97), (range.StartFrame, range.EndFrame));
    }

    [Fact]
    public void Mark_ManyMessages_KeepsTheFirstFewDistinct()
    {
        var collector = new DamageCollector();
        for (var i = 0; i < 50; i++)
        {
            collector.Mark(i, i, $"h264: error while decoding MB {i % 9} 0");
        }

        var range = Assert.Single(collector.Build(50).Ranges);

        Assert.Equal(50, range.Errors);
        Assert.InRange(range.Messages.Count, 1, 5);
        Assert.Equal(range.Messages.Count, range.Messages.Distinct().Count());
    }

    [Fact]
    public void Touches_CountsTheNeighbouringFrames()
    {
        var collector = new DamageCollector();
        collector.Mark(20, 22, "h264: error while decoding MB 3 4");
        var damage = collector.Build(100);

        Assert.True(damage.Touches(23, 23, nearFrames: 1));
        Assert.True(damage.Touches(15, 20, nearFrames: 0));
        Assert.False(damage.Touches(24, 30, nearFrames: 1));
    }
}
