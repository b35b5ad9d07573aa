using Microsoft.Extensions.Time.Testing;
using SceneCut.Jobs.Jobs;
using SceneCut.Worker.Tests.TestSupport;
using SceneCut.Worker.Watching;

namespace SceneCut.Worker.Tests.Watching;

public sealed class StabilityTrackerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void TakeReady_FileUnchangedForTheStableTime_IsHandedOutOnce()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a.mp4");
        File.WriteAllBytes(path, [1, 2, 3]);
        var tracker = new StabilityTracker(TimeSpan.FromSeconds(5), _time);
        tracker.Observe(new JobInput(path, "a.mp4"));

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty(tracker.TakeReady());
        _time.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(path, Assert.Single(tracker.TakeReady()).SourcePath);
        Assert.Empty(tracker.TakeReady());
    }

    [Fact]
    public void TakeReady_FileStillGrowing_WaitsForTheFullStableTimeAfterTheLastChange()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a.mp4");
        File.WriteAllBytes(path, [1]);
        var tracker = new StabilityTracker(TimeSpan.FromSeconds(5), _time);
        tracker.Observe(new JobInput(path, "a.mp4"));

        _time.Advance(TimeSpan.FromSeconds(4));
        File.AppendAllText(path, "more");
        Assert.Empty(tracker.TakeReady());
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.Empty(tracker.TakeReady());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(tracker.TakeReady());
    }

    [Fact]
    public void TakeReady_FileDeletedBeforeStable_IsDropped()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "a.mp4");
        File.WriteAllBytes(path, [1]);
        var tracker = new StabilityTracker(TimeSpan.FromSeconds(1), _time);
        tracker.Observe(new JobInput(path, "a.mp4"));

        File.Delete(path);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Empty(tracker.TakeReady());
        Assert.Equal(0, tracker.Count);
    }
}
