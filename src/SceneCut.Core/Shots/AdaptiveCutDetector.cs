namespace SceneCut.Shots;

/// <summary>
/// Hard cuts: a frame whose content change from the previous frame stands out from the changes around it (before and
/// after), whose new picture persists, and whose picture is not the old one relit. Comparing with the surroundings
/// rather than a fixed threshold copes with fast motion; checking that the picture persists rejects single-frame
/// flashes and corrupted frames; checking structure rejects lights switched on or off.
/// </summary>
public sealed class AdaptiveCutDetector : ITransitionDetector
{
    // Keeps the ratio finite on perfectly still footage, where the surrounding change is zero.
    private const float NoiseFloor = 0.01f;

    private readonly double _ratio;
    private readonly double _minScore;
    private readonly int _window;
    private readonly int _flashFrames;
    private readonly double _flashSimilarity;
    private readonly double _relitCorrelation;
    private readonly FrameHistory _frames;
    private readonly Dictionary<int, float> _change = [];
    private readonly List<float> _surrounding = [];

    public AdaptiveCutDetector(ShotDetectionOptions options, double fps)
    {
        _ratio = options.CutRatio;
        _minScore = options.MinCutScore;
        _window = ShotDetectionOptions.Frames(options.CutWindowSeconds, fps);
        _flashFrames = options.FlashFrames;
        _flashSimilarity = options.FlashSimilarity;
        _relitCorrelation = options.RelitCorrelation;
        _frames = new FrameHistory((2 * _window) + _flashFrames + 3);
    }

    /// <inheritdoc />
    public int MaxDelayFrames => Math.Max(_window, _flashFrames);

    /// <inheritdoc />
    public IEnumerable<Transition> Process(FrameFeatures frame)
    {
        _frames.Add(frame);
        if (frame.Index > 0)
        {
            // change[t] = distance(frame t-1, frame t)
            _change[frame.Index] = _frames[frame.Index - 1].ContentDistance(frame);
        }

        _change.Remove(_frames.Oldest - 1);
        var decided = frame.Index - MaxDelayFrames;
        return Decide(decided, frame.Index) is { } cut ? [cut] : [];
    }

    /// <inheritdoc />
    public IEnumerable<Transition> Flush()
    {
        var cuts = new List<Transition>();
        for (var t = Math.Max(1, _frames.Newest - MaxDelayFrames + 1); t <= _frames.Newest; t++)
        {
            if (Decide(t, _frames.Newest) is { } cut)
            {
                cuts.Add(cut);
            }
        }

        return cuts;
    }

    private Transition? Decide(int t, int newest)
    {
        if (t < 1 || !_change.TryGetValue(t, out var change) || change < _minScore)
        {
            return null;
        }

        // Only the strongest step of a change that spreads over neighbouring frames is the cut.
        if (Change(t - 1) > change || Change(t + 1) >= change)
        {
            return null;
        }

        // The median, not the mean, of the surrounding changes: a nearby cut or flash must not hide this one.
        _surrounding.Clear();
        for (var u = t - _window; u <= Math.Min(t + _window, newest); u++)
        {
            if (u != t && _change.TryGetValue(u, out var c))
            {
                _surrounding.Add(c);
            }
        }

        _surrounding.Sort();
        var typical = _surrounding.Count > 0 ? _surrounding[_surrounding.Count / 2] : 0f;
        var ratio = change / Math.Max(typical, NoiseFloor);
        if (ratio < _ratio || IsFlash(t, change, newest) || IsRelit(t))
        {
            return null;
        }

        // ratio / (ratio + threshold): 0.5 right at the threshold, towards 1 for changes that dwarf their surroundings.
        return new Transition(TransitionKind.Cut, t, t, ratio / (ratio + _ratio));
    }

    // A flash is a change that undoes itself: either the picture after it returns to the one before the change
    // (t is the flash's first frame), or the change returns to a picture seen just before (t ends the flash).
    private bool IsFlash(int t, float change, int newest)
    {
        var before = _frames[t - 1];
        var after = _frames[t];
        for (var j = 1; j <= _flashFrames; j++)
        {
            if (t + j <= newest && before.ContentDistance(_frames[t + j]) < _flashSimilarity * change)
            {
                return true;
            }

            if (t - 1 - j >= _frames.Oldest && _frames[t - 1 - j].ContentDistance(after) < _flashSimilarity * change)
            {
                return true;
            }
        }

        return false;
    }

    // The same picture under other light keeps its structure: its luma correlates strongly with the frame before,
    // while the two sides of a cut (even of the same place) do not.
    private bool IsRelit(int t) => BlendFit.Correlation(_frames[t - 1].Gray, _frames[t].Gray) >= _relitCorrelation;

    private float Change(int t) => _change.TryGetValue(t, out var c) ? c : 0f;
}
