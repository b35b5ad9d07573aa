using SceneCut.Shots;

namespace SceneCut.Tests.Shots;

public sealed class FrameHistoryTests
{
    private static FrameFeatures Frame(int index) => new(index, index / 25.0, 0.5f, 0.1f, [1f], [0.5f]);

    [Fact]
    public void Add_KeepsOnlyTheWindow()
    {
        var history = new FrameHistory(capacity: 4);
        for (var i = 0; i < 10; i++)
        {
            history.Add(Frame(i));
        }

        Assert.Equal(6, history.Oldest);
        Assert.Equal(9, history.Newest);
        Assert.Equal(7, history[7].Index);
        Assert.False(history.Contains(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => history[5]);
    }

    [Fact]
    public void Add_OutOfOrder_Throws()
    {
        var history = new FrameHistory(capacity: 4);
        history.Add(Frame(0));

        Assert.Throws<ArgumentException>(() => history.Add(Frame(2)));
    }
}
