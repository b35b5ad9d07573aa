namespace SceneCut.Shots;

/// <summary>
/// The last few frames' features, addressed by frame index. Detectors look back and ahead over a short window; this
/// keeps exactly that window and nothing older, so memory does not grow with the video.
/// </summary>
public sealed class FrameHistory
{
    private readonly FrameFeatures?[] _ring;

    /// <param name="capacity">Frames kept; older ones are forgotten.</param>
    public FrameHistory(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _ring = new FrameFeatures?[capacity];
    }

    /// <summary>Index of the newest frame, or -1 before the first.</summary>
    public int Newest { get; private set; } = -1;

    /// <summary>Index of the oldest frame still kept.</summary>
    public int Oldest => Math.Max(0, Newest - _ring.Length + 1);

    /// <summary>Adds the next frame; its index must follow the previous one.</summary>
    public void Add(FrameFeatures frame)
    {
        if (frame.Index != Newest + 1)
        {
            throw new ArgumentException($"Frames must arrive in order: expected {Newest + 1}, got {frame.Index}.", nameof(frame));
        }

        _ring[frame.Index % _ring.Length] = frame;
        Newest = frame.Index;
    }

    /// <summary>True when frame <paramref name="index"/> is still kept.</summary>
    public bool Contains(int index) => index >= Oldest && index <= Newest && index >= 0;

    /// <summary>The frame at <paramref name="index"/>; it must still be kept.</summary>
    public FrameFeatures this[int index] =>
        Contains(index)
            ? _ring[index % _ring.Length]!
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"Frame {index} is outside the kept window [{Oldest}, {Newest}].");
}
