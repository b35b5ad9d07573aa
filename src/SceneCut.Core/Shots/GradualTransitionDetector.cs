namespace SceneCut.Shots;

/// <summary>
/// Fades and dissolves. A run of frames that keep changing (twin comparison: every step above the shot's own noise)
/// is a gradual transition when the frames inside it are a straight blend of the run's two ends
/// (<c>F_m ≈ α_m·A + (1 − α_m)·B</c>, α falling from 1 to 0): a fade when one end is black, a dissolve when the
/// ends are different pictures. Motion, occlusion and relighting also change frames step by step, but they are not
/// blends of two pictures, or their ends are the same picture.
/// </summary>
public sealed class GradualTransitionDetector : ITransitionDetector
{
    // Steps of the recent past used to learn the shot's own noise level.
    private const int NoiseWindow = 15;

    // Share of steps allowed to go against the blend's direction.
    private const double MaxBackwardSteps = 0.2;

    // No single step of a fade or dissolve carries more than this share of its whole change; a run that holds a
    // bigger jump holds a cut, which the cut detector reports.
    private const double MaxStepShare = 0.5;

    private readonly ShotDetectionOptions _options;
    private readonly BlackFrameClassifier _black;
    private readonly int _maxFrames;
    private readonly FrameHistory _frames;
    private readonly Queue<float> _recentSteps = new();
    private int _runStart = -1;
    private float _runThreshold;

    public GradualTransitionDetector(ShotDetectionOptions options, double fps, BlackFrameClassifier black)
    {
        _options = options;
        _black = black;
        _maxFrames = ShotDetectionOptions.Frames(options.MaxGradualSeconds, fps);
        _frames = new FrameHistory(_maxFrames + 3);
    }

    /// <inheritdoc />
    public int MaxDelayFrames => 1;

    /// <inheritdoc />
    public IEnumerable<Transition> Process(FrameFeatures frame)
    {
        _frames.Add(frame);
        if (frame.Index == 0)
        {
            return [];
        }

        var step = _frames[frame.Index - 1].PixelDistance(frame);
        Transition? found = null;
        if (_runStart < 0)
        {
            var threshold = StepThreshold();
            if (step > threshold)
            {
                _runStart = frame.Index;
                _runThreshold = threshold;
            }
            else
            {
                Remember(step);
            }
        }
        else if (step <= _runThreshold)
        {
            // The picture settled: the run covered [runStart, index - 1].
            found = Judge(_runStart, frame.Index - 1);
            _runStart = -1;
            Remember(step);
        }
        else if (frame.Index - _runStart >= _maxFrames)
        {
            // Too long for a transition (sustained motion): start looking afresh from here.
            _runStart = frame.Index;
        }

        return found is null ? [] : [found];
    }

    /// <inheritdoc />
    public IEnumerable<Transition> Flush()
    {
        if (_runStart < 0)
        {
            return [];
        }

        var found = Judge(_runStart, _frames.Newest);
        _runStart = -1;
        return found is null ? [] : [found];
    }

    private float LargestStep(int first, int last)
    {
        var largest = 0f;
        for (var m = first; m <= last; m++)
        {
            largest = Math.Max(largest, _frames[m - 1].PixelDistance(_frames[m]));
        }

        return largest;
    }

    private float StepThreshold()
    {
        var noise = 0f;
        if (_recentSteps.Count > 0)
        {
            var sorted = _recentSteps.Order().ToArray();
            noise = sorted[sorted.Length / 2];
        }

        return (float)Math.Max(_options.MinStepChange, _options.StepNoiseMultiplier * noise);
    }

    private void Remember(float step)
    {
        _recentSteps.Enqueue(step);
        if (_recentSteps.Count > NoiseWindow)
        {
            _recentSteps.Dequeue();
        }
    }

    /// <summary>Decides what the changing run <c>[first, last]</c> was; frame <c>first − 1</c> is its start picture A, <c>last</c> its end picture B.</summary>
    private Transition? Judge(int first, int last)
    {
        var length = last - first + 1;
        if (length < _options.MinGradualFrames || !_frames.Contains(first - 1))
        {
            return null;
        }

        var a = _frames[first - 1];
        var b = _frames[last];
        var change = a.PixelDistance(b);
        if (change < _options.MinGradualChange || LargestStep(first, last) > MaxStepShare * change)
        {
            return null;
        }

        var fit = BlendFit.Measure(a.Gray, b.Gray, first, last, i => _frames[i].Gray);
        if (fit.MeanResidual > _options.MaxBlendResidual || fit.BackwardStepShare > MaxBackwardSteps)
        {
            return null;
        }

        var score = 1.0 - (fit.MeanResidual / _options.MaxBlendResidual / 2.0);
        var startBlack = _black.IsBlack(a);
        var endBlack = _black.IsBlack(b);
        if (startBlack && !endBlack)
        {
            return new Transition(TransitionKind.FadeIn, first, last, score);
        }

        if (endBlack && !startBlack)
        {
            return new Transition(TransitionKind.FadeOut, first, last, score);
        }

        if (startBlack || BlendFit.Correlation(a.Gray, b.Gray) > _options.MaxDissolveEndCorrelation)
        {
            return null;
        }

        return new Transition(TransitionKind.Dissolve, first, last, score);
    }
}
