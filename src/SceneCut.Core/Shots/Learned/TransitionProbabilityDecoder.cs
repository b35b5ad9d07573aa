namespace SceneCut.Shots.Learned;

/// <summary>
/// Turns the model's per-frame probabilities, arriving in frame order, into transitions: a run of frames with
/// P(gradual) at or above its threshold is one gradual transition; a frame whose P(cut) is a local maximum at or above
/// its threshold, and not next to a gradual run, is a cut. A run longer than <c>maxGradualFrames</c> is reported in pieces
/// of at most that length, so no transition outlasts what the shot detector's stability lag allows for.
/// </summary>
internal sealed class TransitionProbabilityDecoder(double cutThreshold, double gradualThreshold, int minGradualFrames, double minGradualScore,
    int maxGradualFrames = int.MaxValue)
{
    // A cut this close to a gradual run is the run's own first or last step (as in TransitionResolver).
    private const int CutAbsorbFrames = 2;

    private readonly List<Transition> _pending = [];
    private int _runStart = -1;
    private double _runSum;
    private int _lastRunEnd = int.MinValue;
    private (int Frame, float P) _previous = (-1, 0f);
    private (int Frame, float P) _candidate = (-1, 0f);

    /// <summary>Takes frame <paramref name="frame"/>'s probabilities; returns transitions that became certain.</summary>
    public IEnumerable<Transition> Push(int frame, float cut, float gradual)
    {
        var done = new List<Transition>();
        if (gradual >= gradualThreshold)
        {
            if (_runStart >= 0 && frame - _runStart >= maxGradualFrames)
            {
                EndRun(frame - 1);
            }

            if (_runStart < 0)
            {
                _runStart = frame;
                _runSum = 0;
            }

            _runSum += gradual;
        }
        else if (_runStart >= 0)
        {
            EndRun(frame - 1);
        }

        // A local maximum of P(cut): higher than the frame before, not lower than the frame after.
        if (_candidate.Frame >= 0 && cut > _candidate.P)
        {
            _candidate = (-1, 0f);
        }

        if (_candidate.Frame >= 0 && frame > _candidate.Frame)
        {
            KeepCut(_candidate);
            _candidate = (-1, 0f);
        }

        if (cut >= cutThreshold && cut > _previous.P)
        {
            _candidate = (frame, cut);
        }

        _previous = (frame, cut);
        done.AddRange(Settled(frame));
        return done;
    }

    /// <summary>The stream ended at <paramref name="lastFrame"/>: returns everything still pending.</summary>
    public IEnumerable<Transition> Flush(int lastFrame)
    {
        if (_runStart >= 0)
        {
            EndRun(lastFrame);
        }

        if (_candidate.Frame >= 0)
        {
            KeepCut(_candidate);
        }

        var rest = _pending.OrderBy(t => t.StartFrame).ToList();
        _pending.Clear();
        return rest;
    }

    private void EndRun(int end)
    {
        var length = end - _runStart + 1;
        // A short or doubtful run is motion or noise, not a transition; a lone frame is left to the cut output.
        if (length >= Math.Max(2, minGradualFrames) && _runSum / length >= minGradualScore)
        {
            _pending.RemoveAll(t => !t.IsGradual && t.StartFrame >= _runStart - CutAbsorbFrames && t.StartFrame <= end + CutAbsorbFrames);
            _pending.Add(new Transition(TransitionKind.Dissolve, _runStart, end, _runSum / length));
            _lastRunEnd = end;
        }

        _runStart = -1;
    }

    private void KeepCut((int Frame, float P) cut)
    {
        // A cut next to a kept run is the run's own step; one inside a still open run waits for the run's fate.
        if (cut.Frame > _lastRunEnd + CutAbsorbFrames)
        {
            _pending.Add(new Transition(TransitionKind.Cut, cut.Frame, cut.Frame, cut.P));
        }
    }

    // A transition is certain once no open run can absorb it; runs absorb cuts only, so a gradual one is certain at once.
    private IEnumerable<Transition> Settled(int frame)
    {
        var horizon = (_runStart >= 0 ? _runStart : frame) - CutAbsorbFrames - 1;
        var settled = _pending.Where(t => t.IsGradual || t.EndFrame < horizon).OrderBy(t => t.StartFrame).ToList();
        _pending.RemoveAll(t => t.IsGradual || t.EndFrame < horizon);
        return settled;
    }
}
