namespace SceneCut.Shots;

/// <summary>
/// Presentation times of frames, kept only for the frames that matter: a short ring of recent frames (detectors
/// report a transition a few frames late) plus every frame someone asked to keep (shot and transition edges).
/// </summary>
public sealed class FrameTimeline(int recentCapacity, double nominalFrameSeconds)
{
    private readonly double[] _recent = new double[Math.Max(2, recentCapacity)];
    private readonly Dictionary<int, double> _kept = [];
    private double _lastStep;

    /// <summary>Index of the last frame added.</summary>
    public int Last { get; private set; } = -1;

    /// <summary>Records the time of the next frame.</summary>
    public void Add(int index, double seconds)
    {
        if (Last >= 0)
        {
            _lastStep = seconds - _recent[Last % _recent.Length];
        }

        _recent[index % _recent.Length] = seconds;
        Last = index;
    }

    /// <summary>Keeps the time of <paramref name="index"/> (which must be among the recent frames) for later lookup.</summary>
    public void Keep(int index)
    {
        if (index >= 0 && index <= Last && index > Last - _recent.Length)
        {
            _kept[index] = _recent[index % _recent.Length];
        }
    }

    /// <summary>Time of a kept or recent frame; one frame past the end is the end of the video.</summary>
    public double SecondsOf(int index)
    {
        if (_kept.TryGetValue(index, out var seconds))
        {
            return seconds;
        }

        if (index <= Last && index > Last - _recent.Length && index >= 0)
        {
            return _recent[index % _recent.Length];
        }

        if (index == Last + 1 && Last >= 0)
        {
            return _recent[Last % _recent.Length] + (_lastStep > 0 ? _lastStep : nominalFrameSeconds);
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, "Frame time was not kept.");
    }
}
