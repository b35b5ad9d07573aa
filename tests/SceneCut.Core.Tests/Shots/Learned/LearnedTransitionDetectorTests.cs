using SceneCut.Recurrent.Serialization;
using SceneCut.Shots;
using SceneCut.Shots.Learned;
using SceneCut.Shots.Learned.Training;

namespace SceneCut.Tests.Shots.Learned;

/// <summary>
/// Train a small model on generated panning footage (cuts only in the footage; dissolves, dips and wipes come from the
/// synthesizer), then detect on a clip it never saw: a long dissolve between two panning shots.
/// </summary>
public sealed class LearnedTransitionDetectorTests
{
    private static readonly Lazy<ShotTransitionModel> Trained = new(Train);

    private static ShotTransitionModel Train()
    {
        var videos = new List<(LabelledVideo, CachedVideo)>();
        for (var v = 0; v < 6; v++)
        {
            var shots = Enumerable.Range(0, 6).Select(s => PanningFootage.Shot(100 + (v * 10) + s, 40, pan: ((s % 3) - 1) * 1.5)).ToList();
            videos.Add(PanningFootage.CutVideo($"v{v}", $"source{v}", shots));
        }

        var options = new ShotTrainingOptions
        {
            Model = new ShotTransitionModelOptions { HiddenSize = 12, Layers = 1 },
            EpisodesPerShot = 5,
            Epochs = 20,
            Patience = 0,
            WindowFrames = 96,
            StrideFrames = 48,
        };
        var corpus = ShotTrainingCorpus.Build(videos, options, new ShotDetectionOptions());
        return ShotModelTrainer.Train(corpus, options).Model;
    }

    private static FrameFeatures[] Features(List<byte[]> frames)
    {
        var sequence = new LabelledSequence("test", "test", PanningFootage.Width, PanningFootage.Height, [.. frames],
            new float[frames.Count], new float[frames.Count], new bool[frames.Count]);
        using var extractor = new FrameFeatureExtractor(64, 16);
        return EvidenceSequence.Features(sequence, extractor);
    }

    // The small test model with the decoder's plain thresholds (the shipped ones suit the shipped model).
    private static ShotDetectionOptions Options(LearnedShotMode mode)
    {
        var options = LeaveOneSourceOut.WithMode(new ShotDetectionOptions(), mode);
        options.Learned.CutThreshold = 0.5;
        options.Learned.GradualThreshold = 0.5;
        options.Learned.MinGradualFrames = 2;
        options.Learned.MinGradualScore = 0.5;
        return options;
    }

    private static bool Overlaps(Transition t, int start, int end, int k = 2) => t.StartFrame - k <= end && start - k <= t.EndFrame;

    [Fact]
    public void Detect_DissolveBetweenPanningShots_ThresholdsMissItLearnedModelFindsIt()
    {
        // Two shots the model never saw, both panning fast, blended over 30 frames: frames 60..89 blend, 90 is wholly new.
        var a = PanningFootage.Shot(901, 90, pan: 2.5);
        var b = PanningFootage.Shot(902, 120, pan: -2.5);
        var clip = PanningFootage.Dissolve(a, b, 30);
        var features = Features(clip);

        var learned = LeaveOneSourceOut.Detect(features, 25, Options(LearnedShotMode.Replace), Trained.Value);
        var added = LeaveOneSourceOut.Detect(features, 25, Options(LearnedShotMode.Add), Trained.Value);

        // The threshold detectors see motion, not a blend, and miss it (the case the model is for).
        var heuristics = LeaveOneSourceOut.Detect(features, 25, Options(LearnedShotMode.Off), null);
        Assert.DoesNotContain(heuristics, t => Overlaps(t, 60, 90));
        var found = Assert.Single(learned);
        Assert.True(found.IsGradual, $"found {found}");
        Assert.True(Overlaps(found, 60, 90), $"found {found}, the dissolve is [60, 90]");
        Assert.Contains(added, t => t.IsGradual && Overlaps(t, 60, 90));
    }

    [Fact]
    public void Detect_AddGradual_KeepsTheThresholdCutsAndAddsTheModelsDissolve()
    {
        var clip = PanningFootage.Shot(931, 50, 0).Concat(PanningFootage.Dissolve(PanningFootage.Shot(932, 90, 2.5), PanningFootage.Shot(933, 120, -2.5), 30)).ToList();
        var features = Features(clip);
        var heuristics = LeaveOneSourceOut.Detect(features, 25, Options(LearnedShotMode.Off), null);
        var added = LeaveOneSourceOut.Detect(features, 25, Options(LearnedShotMode.AddGradual), Trained.Value);

        // The cut at 50 comes from the thresholds either way; the dissolve [110, 140] only from the model.
        Assert.Equal(heuristics.Where(t => !t.IsGradual).Select(t => t.StartFrame), added.Where(t => !t.IsGradual).Select(t => t.StartFrame));
        Assert.Contains(heuristics, t => t.StartFrame == 50);
        Assert.DoesNotContain(heuristics, t => Overlaps(t, 110, 140));
        Assert.Contains(added, t => t.IsGradual && Overlaps(t, 110, 140));
    }

    [Fact]
    public void Detect_CutsBetweenUnseenPanningShots_FoundAtTheirFrame()
    {
        var clip = PanningFootage.Shot(911, 50, 1.5).Concat(PanningFootage.Shot(912, 50, -1.5)).Concat(PanningFootage.Shot(913, 50, 0)).ToList();
        var learned = LeaveOneSourceOut.Detect(Features(clip), 25, Options(LearnedShotMode.Replace), Trained.Value);
        Assert.Equal(2, learned.Count);
        Assert.True(Math.Abs(learned[0].NewShotStartFrame - 50) <= 1, $"first transition {learned[0]}");
        Assert.True(Math.Abs(learned[1].NewShotStartFrame - 100) <= 1, $"second transition {learned[1]}");
    }

    [Fact]
    public void Detect_WindowsAndHops_GiveTheSameTransitionsAsOneLongWindow()
    {
        // Streaming in windows must not change what is found (each frame read with enough context on both sides).
        var clip = PanningFootage.Dissolve(PanningFootage.Shot(921, 100, 2), PanningFootage.Shot(922, 200, 0), 20)
            .Concat(PanningFootage.Shot(923, 100, 1)).ToList();
        var features = Features(clip);
        var streamed = Options(LearnedShotMode.Replace);
        var whole = Options(LearnedShotMode.Replace);
        whole.Learned.WindowFrames = 1024;
        whole.Learned.HopFrames = 1024;
        var a = LeaveOneSourceOut.Detect(features, 25, streamed, Trained.Value).Select(t => (t.StartFrame, t.EndFrame)).ToList();
        var b = LeaveOneSourceOut.Detect(features, 25, whole, Trained.Value).Select(t => (t.StartFrame, t.EndFrame)).ToList();
        Assert.NotEmpty(a);
        Assert.Equal(b, a);
    }

    [Fact]
    public void SaveLoad_RoundTrip_SamePredictions()
    {
        var model = Trained.Value;
        using var stream = new MemoryStream();
        model.Save(stream, new Dictionary<string, string> { ["command"] = "test" });
        stream.Position = 0;
        var loaded = ShotTransitionModel.Load(stream);
        Assert.Equal("test", loaded.Metadata["command"]);
        var window = Enumerable.Range(0, 40).Select(t => Enumerable.Range(0, TransitionEvidence.Size).Select(i => ((t * 7) + i) % 5 / 5f).ToArray()).ToArray();
        var (cutA, gradualA) = model.Predict(window);
        var (cutB, gradualB) = loaded.Predict(window);
        Assert.Equal(cutA, cutB);
        Assert.Equal(gradualA, gradualB);
    }

    [Fact]
    public void Load_SceneModelFile_IsRefused()
    {
        var scene = new Recurrent.Modes.SequenceTagger(new Recurrent.Modes.SequenceTaggerOptions { FeatureSize = 4, HiddenSize = 2, Layers = 1 });
        using var stream = new MemoryStream();
        scene.Save(stream);
        stream.Position = 0;
        Assert.Throws<ModelFormatException>(() => ShotTransitionModel.Load(stream));
    }
}
