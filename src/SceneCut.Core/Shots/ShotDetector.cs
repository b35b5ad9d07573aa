using SceneCut.Shots.Learned;

namespace SceneCut.Shots;

/// <summary>
/// Finds the shots of one video from its frames' features: runs the cut and gradual-transition detectors, the learned
/// model and the black-frame detector side by side, then resolves their reports into shots (the model's only where the
/// threshold detectors found nothing). Keeps only a short window of frames.
/// </summary>
public sealed class ShotDetector
{
    // Final boundaries are recomputed at most this often (in frames): cheap, and stages downstream can wait that long.
    private const int ResolveEveryFrames = 8;

    private readonly ITransitionDetector[] _detectors;
    private readonly BlackSegmentDetector _black;
    private readonly FrameTimeline _timeline;
    private readonly List<Transition> _reported = [];
    private readonly List<Transition> _learned = [];
    private readonly LearnedTransitionDetector? _learnedDetector;
    private readonly List<BlackSegment> _blackSegments = [];
    private readonly int _maxBlackPauseFrames;
    private readonly int _stabilityLag;
    private readonly List<int> _finalBoundaries = [];
    private int _frames;
    private int _resolvedThrough = -1;
    private int _maxReportedBoundary;

    /// <param name="options">Thresholds, and whether the learned model takes part (<see cref="ShotDetectionOptions.Learned"/>).</param>
    /// <param name="fps">Nominal frame rate, to turn seconds into frames.</param>
    /// <param name="learnedModel">The learned model to use when it takes part; null reads <see cref="LearnedShotOptions.ModelPath"/>.</param>
    public ShotDetector(ShotDetectionOptions options, double fps, ShotTransitionModel? learnedModel = null)
    {
        options.Validate();
        var black = new BlackFrameClassifier((float)options.BlackPixelThreshold, (float)options.BlackMaxBrightFraction);
        var mode = options.Learned.Mode;
        var detectors = new List<ITransitionDetector>();
        if (mode != LearnedShotMode.Replace)
        {
            detectors.Add(new AdaptiveCutDetector(options, fps));
            detectors.Add(new GradualTransitionDetector(options, fps, black));
        }

        if (mode != LearnedShotMode.Off)
        {
            var model = learnedModel ?? ShotTransitionModel.LoadCached(options.Learned.ResolveModelPath());
            _learnedDetector = new LearnedTransitionDetector(model, options, fps, reportCuts: mode != LearnedShotMode.AddGradual);
            detectors.Add(_learnedDetector);
        }

        _detectors = [.. detectors];
        _black = new BlackSegmentDetector(black);
        _maxBlackPauseFrames = ShotDetectionOptions.Frames(options.MaxFadeThroughBlackPauseSeconds, fps);

        // Long enough to still hold a gradual transition's first frame when it is reported.
        var recent = _detectors.Max(d => d.MaxDelayFrames) + ShotDetectionOptions.Frames(options.MaxGradualSeconds, fps) + 8;
        _timeline = new FrameTimeline(recent, 1.0 / (fps > 0 ? fps : ShotDetectionDefaults.FallbackFps));

        // A boundary this far behind the newest frame can no longer change: every report that could absorb, merge or
        // outrank it (a late gradual transition, the fade in of a fade through black) has arrived by then.
        _stabilityLag = _detectors.Max(d => d.MaxDelayFrames) + ShotDetectionOptions.Frames(options.MaxGradualSeconds, fps)
            + _maxBlackPauseFrames + 4;
    }

    /// <summary>
    /// First frames of shots (after the first) that are final: later frames can no longer add, move or remove them.
    /// Grows while frames arrive, so later stages can work on finished shots without waiting for the end of the video.
    /// </summary>
    public IReadOnlyList<int> FinalBoundaries
    {
        get
        {
            var safe = _frames - _stabilityLag;
            var lastFinal = _finalBoundaries.Count > 0 ? _finalBoundaries[^1] : 0;
            if (safe > _resolvedThrough && _maxReportedBoundary > lastFinal)
            {
                // Only reports near the undecided part can still interact; older ones are settled.
                var recent = _reported.Where(t => t.EndFrame >= lastFinal - _stabilityLag);
                var recentLearned = _learned.Where(t => t.EndFrame >= lastFinal - _stabilityLag);
                foreach (var boundary in TransitionResolver.Resolve(recent, recentLearned, _maxBlackPauseFrames).Select(t => t.NewShotStartFrame))
                {
                    if (boundary < safe && boundary > lastFinal)
                    {
                        _finalBoundaries.Add(boundary);
                        lastFinal = boundary;
                    }
                }

                _resolvedThrough = safe + ResolveEveryFrames;
            }

            return _finalBoundaries;
        }
    }

    /// <summary>Takes the next frame's features.</summary>
    public void Process(FrameFeatures frame)
    {
        _timeline.Add(frame.Index, frame.Seconds);
        _timeline.Keep(0);
        _frames = frame.Index + 1;
        foreach (var detector in _detectors)
        {
            foreach (var transition in detector.Process(frame))
            {
                Report(transition, detector);
            }
        }

        if (_black.Process(frame) is { } segment)
        {
            ReportBlack(segment);
        }
    }

    /// <summary>The stream ended: flushes the detectors and returns the shots.</summary>
    public ShotDetectionResult Finish()
    {
        foreach (var detector in _detectors)
        {
            foreach (var transition in detector.Flush())
            {
                Report(transition, detector);
            }
        }

        if (_black.Flush() is { } segment)
        {
            ReportBlack(segment);
        }

        var transitions = TransitionResolver.Resolve(_reported, _learned, _maxBlackPauseFrames);
        return new ShotDetectionResult(_frames, BuildShots(transitions), _blackSegments, _timeline);
    }

    private List<Shot> BuildShots(IReadOnlyList<Transition> transitions)
    {
        var shots = new List<Shot>();
        if (_frames == 0)
        {
            return shots;
        }

        var start = 0;
        Transition? transitionIn = null;
        foreach (var transition in transitions)
        {
            var next = transition.NewShotStartFrame;
            if (next <= start || next >= _frames)
            {
                continue;
            }

            shots.Add(new Shot(shots.Count, start, next - 1, _timeline.SecondsOf(start), _timeline.SecondsOf(next), transitionIn));
            start = next;
            transitionIn = transition;
        }

        shots.Add(new Shot(shots.Count, start, _frames - 1, _timeline.SecondsOf(start), _timeline.SecondsOf(_frames), transitionIn));
        return shots;
    }

    private void Report(Transition transition, ITransitionDetector detector)
    {
        (detector == _learnedDetector ? _learned : _reported).Add(transition);
        _maxReportedBoundary = Math.Max(_maxReportedBoundary, transition.NewShotStartFrame);
        _timeline.Keep(transition.StartFrame);
        _timeline.Keep(transition.EndFrame);
        _timeline.Keep(transition.NewShotStartFrame);
    }

    private void ReportBlack(BlackSegment segment)
    {
        _blackSegments.Add(segment);
        _timeline.Keep(segment.StartFrame);
        _timeline.Keep(segment.EndFrame + 1);
    }
}
