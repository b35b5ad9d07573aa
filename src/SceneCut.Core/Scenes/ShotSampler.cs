using OpenCvSharp;
using SceneCut.Video;

namespace SceneCut.Scenes;

/// <summary>
/// Keeps small copies of frames at a steady cadence until their shot is known, so each finished shot can be embedded
/// from the frame nearest its middle without keeping the video. A very long shot thins its copies (every other one)
/// instead of growing, so memory stays bounded.
/// </summary>
public sealed class ShotSampler : IDisposable
{
    private readonly int _everyFrames;
    private readonly int _maxSamples;
    private readonly int _shortSide;
    private readonly List<(int Index, Mat Image)> _samples = [];
    private int _spacing;

    /// <param name="everyFrames">Keep a copy of every n-th frame.</param>
    /// <param name="maxSamples">Most copies kept at once before thinning.</param>
    /// <param name="shortSide">Copies are scaled so their shorter side is this long (enough for the CNN's input).</param>
    public ShotSampler(int everyFrames, int maxSamples, int shortSide)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyFrames, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 4);
        ArgumentOutOfRangeException.ThrowIfLessThan(shortSide, 8);
        _everyFrames = everyFrames;
        _maxSamples = maxSamples;
        _shortSide = shortSide;
        _spacing = everyFrames;
    }

    /// <summary>Copies kept right now.</summary>
    public int Count => _samples.Count;

    /// <summary>Offers the next decoded frame; a copy is kept at sample points.</summary>
    public void Offer(int index, Mat bgr)
    {
        if (_samples.Count > 0 && index - _samples[^1].Index < _spacing)
        {
            return;
        }

        var copy = ShrunkCopy(bgr, _shortSide);
        _samples.Add((index, copy));
        if (_samples.Count > _maxSamples)
        {
            Thin();
        }
    }

    /// <summary>
    /// The copy nearest the middle of shot <c>[start, end]</c> (the caller owns and disposes it), or of the nearest
    /// frame when the shot is shorter than the sampling cadence; null when no copy exists at all. Copies up to
    /// <paramref name="end"/> are released: the shot is done.
    /// </summary>
    public Mat? TakeForShot(int start, int end)
    {
        if (_samples.Count == 0)
        {
            return null;
        }

        var middle = (start + end) / 2.0;
        var best = 0;
        for (var i = 1; i < _samples.Count; i++)
        {
            if (Math.Abs(_samples[i].Index - middle) < Math.Abs(_samples[best].Index - middle))
            {
                best = i;
            }
        }

        var chosen = _samples[best].Image.Clone();
        // Release the shot's copies but its last one: a following shot shorter than the cadence borrows it.
        var keepFrom = _samples.FindIndex(s => s.Index > end);
        var release = Math.Max(0, (keepFrom < 0 ? _samples.Count : keepFrom) - 1);
        for (var i = 0; i < release; i++)
        {
            _samples[i].Image.Dispose();
        }

        _samples.RemoveRange(0, release);
        _spacing = _everyFrames;
        return chosen;
    }

    /// <summary>
    /// A copy of <paramref name="bgr"/> whose shorter side is at most <paramref name="shortSide"/> (area-averaged).
    /// Training and detection both take their CNN frames through here, so the model sees the same pictures in both.
    /// </summary>
    public static Mat ShrunkCopy(Mat bgr, int shortSide)
    {
        var size = FrameSampling.Shrink(new Size(bgr.Width, bgr.Height), shortSide);
        var copy = new Mat();
        if (size.Width != bgr.Width || size.Height != bgr.Height)
        {
            Cv2.Resize(bgr, copy, size, interpolation: InterpolationFlags.Area);
        }
        else
        {
            bgr.CopyTo(copy);
        }

        return copy;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, image) in _samples)
        {
            image.Dispose();
        }

        _samples.Clear();
    }

    private void Thin()
    {
        for (var i = _samples.Count - 1; i >= 0; i -= 2)
        {
            _samples[i].Image.Dispose();
            _samples.RemoveAt(i);
        }

        _spacing *= 2;
    }
}
