namespace SceneCut.Shots.Learned;

/// <summary>
/// Finds cuts and gradual transitions with the learned <see cref="ShotTransitionModel"/>. Each frame's evidence is kept
/// until the model has read it inside a window with at least a quarter window of context on both sides (windows of
/// <see cref="LearnedShotOptions.WindowFrames"/> moving by <see cref="LearnedShotOptions.HopFrames"/>); the per-frame
/// probabilities then go through <see cref="TransitionProbabilityDecoder"/>. Holds one window of evidence at most.
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
    private readonly List<float[]> _buffer = []; // evidence of frames _bufferStart, _bufferStart + 1, …
    private int _bufferStart;
    private int _finalizedThrough; // first frame whose probabilities are not yet final
    private int _frames;

    /// <param name="model">The trained model.</param>
    /// <param name="options">Window, hop and decoder thresholds.</param>
    /// <param name="blackPixelThreshold">Luma below which a pixel is black (the evidence's black fraction).</param>
    /// <param name="reportCuts">False to report gradual transitions only (<see cref="LearnedShotMode.AddGradual"/>).</param>
    public LearnedTransitionDetector(ShotTransitionModel model, LearnedShotOptions options, double blackPixelThreshold, bool reportCuts = true)
    {
        _reportCuts = reportCuts;
        _model = model;
        _evidence = new TransitionEvidence(blackPixelThreshold);
        _decoder = new TransitionProbabilityDecoder(options.CutThreshold, options.GradualThreshold, options.MinGradualFrames, options.MinGradualScore);
        _window = options.WindowFrames;
        _hop = Math.Min(options.HopFrames, options.WindowFrames);
        _margin = (_window - _hop) / 2;
    }

    /// <inheritdoc />
    public int MaxDelayFrames => _window + DecoderDelayFrames;

    /// <summary>Time spent in the model, for the cost report.</summary>
    public TimeSpan ModelTime { get; private set; }

    /// <inheritdoc />
    public IEnumerable<Transition> Process(FrameFeatures frame)
    {
        _buffer.Add(_evidence.Next(frame));
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
        return found.Where(t => _reportCuts || t.IsGradual);
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
        return found.Where(t => _reportCuts || t.IsGradual);
    }

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
