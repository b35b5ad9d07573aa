using OpenCvSharp;
using SceneCut.Shots;
using SceneCut.Shots.Learned;
using SceneCut.Synthetic;
using SceneCut.Tests.TestSupport;
using SceneCut.Video;

namespace SceneCut.Tests.Scenes;

/// <summary>
/// Boundaries declared final while streaming never change and are the finished detection's boundaries; only those
/// within the detector's look-ahead of the end wait for <see cref="ShotDetector.Finish"/>.
/// </summary>
public sealed class ShotDetectorFinalBoundariesTests
{
    // The learned model's look-ahead is longer (its window and the longest run a cut may wait for), so its clip ends
    // later for the same three boundaries to become final while streaming.
    [Theory]
    [InlineData(LearnedShotMode.Off, 120)]
    [InlineData(LearnedShotMode.Add, 250)]
    public void FinalBoundaries_WhileStreaming_MatchTheFinishedShots(LearnedShotMode mode, int lastShotFrames)
    {
        using var folder = new TempFolder();
        var path = folder.File("clip.mp4");
        SyntheticClip.Write(
            path,
            [new(1, 40), new(2, 40), new(3, 40), new(4, 40), new(5, lastShotFrames)],
            [SyntheticTransition.Cut, new(TransitionKind.Dissolve, Frames: 15), new(TransitionKind.FadeThroughBlack, Frames: 10, BlackFrames: 5), SyntheticTransition.Cut],
            new Size(160, 90),
            25);
        var options = new ShotDetectionOptions { Learned = { Mode = mode } };
        using var source = OpenCvFrameSource.Open(path);
        using var extractor = new FrameFeatureExtractor(options.AnalysisWidth, options.HistogramBins);
        var detector = new ShotDetector(options, source.Info.Fps);
        var seenWhileStreaming = new List<int>();
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            detector.Process(extractor.Extract(frame.Index, frame.Seconds, frame.Image));
            var final = detector.FinalBoundaries;
            Assert.True(final.SequenceEqual(seenWhileStreaming.Concat(final.Skip(seenWhileStreaming.Count))), "final boundaries never change");
            seenWhileStreaming = [.. final];
        }

        var finished = detector.Finish().Shots.Skip(1).Select(s => s.StartFrame).ToList();

        Assert.Equal([40, 80, 120, 175], finished);
        // A boundary becomes final once the look-ahead (117 frames with the thresholds, 279 with the model) plus the
        // re-check period (8) lies behind it; 175 is only 120 (250) frames before the end, so it waits for Finish.
        Assert.Equal(finished.Take(3), seenWhileStreaming);
    }
}
