namespace SceneCut.Shots;

/// <summary>Runs of consecutive black frames, reported when each run ends.</summary>
public sealed class BlackSegmentDetector(BlackFrameClassifier black)
{
    private int _runStart = -1;
    private int _last = -1;

    /// <summary>Takes the next frame; returns the run that it ended, if any.</summary>
    public BlackSegment? Process(FrameFeatures frame)
    {
        _last = frame.Index;
        if (black.IsBlack(frame))
        {
            if (_runStart < 0)
            {
                _runStart = frame.Index;
            }

            return null;
        }

        return EndRun(frame.Index - 1);
    }

    /// <summary>The stream ended: returns a run still open.</summary>
    public BlackSegment? Flush() => EndRun(_last);

    private BlackSegment? EndRun(int lastBlack)
    {
        if (_runStart < 0)
        {
            return null;
        }

        var segment = new BlackSegment(_runStart, lastBlack);
        _runStart = -1;
        return segment;
    }
}
