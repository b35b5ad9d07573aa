namespace SceneCut.Shots.Learned;

/// <summary>
/// Finds cuts and gradual transitions with the learned <see cref="ShotTransitionModel"/>. Each frame's evidence is kept
/// until the model has read it inside a window with at least a quarter window of context on both sides (windows of
/// <see cref="LearnedShotOptions.WindowFrames"/> moving by <see cref="LearnedShotOptions.HopFrames"/>); the per-frame
/// probabilities then go through <see cref="TransitionProbabilityDecoder"/>, and a gradual run over black frames is named
/// fade out and fade in (<see cref="DipToBlack"/>). Holds one window of evidence at most.
/// </summary>
public sealed class LearnedTransitionDetector : ITransitionDetector
{
    // The decoder settles a transition a few frames after its last frame (a cut may still join a gradual run).
    private const int DecoderDelayFrames = 4;

    private readonly ShotTransitionModel _model;
    private readonly bool _reportCuts;
    private readonly TransitionEvidence _evidence;
    private readonly TransitionProbabilityDecoder _decoder;
    private readonly int _window;
    private readonly int _hop;
    private readonly int _margin;
    private readonly int _maxGradualFrames;
    private readonly BlackFrameClassifier _blackClassifier;
    private readonly bool[] _black; // whether frame t is black, at t % length: covers every frame of a run when it is reported
    private readonly List<float[]> _buffer = []; // evidence of frames _bufferStart, _bufferStart + 1, …
    private int _bufferStart;
    private int _finalizedThrough; // first frame whose probabilities are not yet final
    private int _frames;

    /// <param name="model">The trained model.</param>
    /// <param name="options">Window, hop and decoder thresholds.</param>
    /// <param name="shots">Black-frame thresholds (the evidence's black fraction, fade naming) and the longest gradual transition.</param>
    /// <param name="fps">Nominal frame rate, to turn <see cref="ShotDetectionOptions.MaxGradualSeconds"/> into frames.</param>
    /// <param name="reportCuts">False to report gradual transitions only (<see cref="LearnedShotMode.AddGradual"/>).</param>
    public LearnedTransitionDetector(ShotTransitionModel model, ShotDetectionOptions shots, double fps, bool reportCuts = true)
    {
        var options = shots.Learned;
        _reportCuts = reportCuts;
        _model = model;
        _evidence = new TransitionEvidence(shots.BlackPixelThreshold);
        _blackClassifier = new BlackFrameClassifier((float)shots.BlackPixelThreshold, (float)shots.BlackMaxBrightFraction);
        _maxGradualFrames = ShotDetectionOptions.Frames(shots.MaxGradualSeconds, fps);
        _decoder = new TransitionProbabilityDecoder(options.CutThreshold, options.GradualThreshold, options.MinGradualFrames, options.MinGradualScore,
            _maxGradualFrames);
        _window = options.WindowFrames;
        _hop = Math.Min(options.HopFrames, options.WindowFrames);
        _margin = (_window - _hop) / 2;
        _black = new bool[_window + _maxGradualFrames + DecoderDelayFrames];
    }

    /// <summary>
    /// A frame's probabilities are final at most a margin and a hop after it; a gradual run is then reported at once, while
    /// a cut just before a run waits for the run (at most the longest gradual transition) to know whether it absorbs it.
    /// </summary>
    public int MaxDelayFrames => _margin + _hop + _maxGradualFrames + DecoderDelayFrames;

    /// <summary>Time spent in the model, for the cost report.</summary>
    public TimeSpan ModelTime { get; private set; }

    /// <inheritdoc />
    public IEnumerable<Transition> Process(FrameFeatures frame)
    {
        _buffer.Add(_evidence.Next(frame));
        _black[frame.Index % _black.Length] = _blackClassifier.IsBlack(frame);
        _frames = frame.Index + 1;
        if (_frames < _bufferStart + _window)
        {
            return [];
        }

        var found = new List<Transition>();
        // This window's frames are final up to a margin before its end; the next window starts a hop later.
        found.AddRange(Run(_frames, _bufferStart + _window - _margin));
        _buffer.RemoveRange(0, _hop);
        _bufferStart += _hop;
        return Named(found);
    }

    /// <inheritdoc />
    public IEnumerable<Transition> Flush()
    {
        var found = new List<Transition>();
        if (_buffer.Count > 0)
        {
            found.AddRange(Run(_frames, _frames));
        }

        found.AddRange(_decoder.Flush(_frames - 1));
        _buffer.Clear();
        return Named(found);
    }

    private IEnumerable<Transition> Named(List<Transition> found) =>
        found.Where(t => _reportCuts || t.IsGradual).SelectMany(t => DipToBlack.Name(t, f => _black[f % _black.Length])).ToList();

    // Runs the model over the buffered window and hands frames [_finalizedThrough, finalUntil) to the decoder.
    private List<Transition> Run(int windowEnd, int finalUntil)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (cut, gradual) = _model.Predict(_buffer.GetRange(0, windowEnd - _bufferStart).ToArray());
        ModelTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        var found = new List<Transition>();
        for (var t = _finalizedThrough; t < finalUntil; t++)
        {
            found.AddRange(_decoder.Push(t, cut[t - _bufferStart], gradual[t - _bufferStart]));
        }

        _finalizedThrough = Math.Max(_finalizedThrough, finalUntil);
        return found;
    }
}
