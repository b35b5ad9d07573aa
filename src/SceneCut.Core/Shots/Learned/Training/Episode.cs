namespace SceneCut.Shots.Learned.Training;

/// <summary>A synthetic episode being spliced: frames and their labels, appended shot by shot.</summary>
internal sealed class Episode(int width, int height)
{
    private readonly List<float> _cut = [];
    private readonly List<float> _gradual = [];
    private int _lastShotStart;

    public int Width { get; } = width;

    public int Height { get; } = height;

    /// <summary>Frames so far (a transition may rewrite the last shot's tail).</summary>
    public List<byte[]> Frames { get; } = [];

    /// <summary>Frames of the last shot that no transition has touched.</summary>
    public int LastShotFrames => Frames.Count - _lastShotStart;

    /// <summary>Appends a shot; its first frame is a cut's first new frame, or the first wholly new frame of a gradual transition.</summary>
    public void AppendShot(IReadOnlyList<byte[]> shot, bool cutAtFirst = false, bool gradualAtFirst = false)
    {
        // The first wholly new frame belongs to the transition as well (the truth convention of data/real).
        _lastShotStart = Frames.Count + (gradualAtFirst ? 1 : 0);
        for (var i = 0; i < shot.Count; i++)
        {
            Frames.Add(shot[i]);
            _cut.Add(cutAtFirst && i == 0 ? 1 : 0);
            _gradual.Add(gradualAtFirst && i == 0 ? 1 : 0);
        }
    }

    /// <summary>Appends frames that are all inside a gradual transition (a hold, a fade in).</summary>
    public void AppendGradual(IReadOnlyList<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            Frames.Add(frame);
            _cut.Add(0);
            _gradual.Add(1);
        }
    }

    /// <summary>Labels every frame from <paramref name="start"/> on as inside a gradual transition.</summary>
    public void MarkGradualFrom(int start)
    {
        for (var f = start; f < Frames.Count; f++)
        {
            _gradual[f] = 1;
        }
    }

    public LabelledSequence ToSequence(string name, string source) =>
        new(name, source, Width, Height, [.. Frames], [.. _cut], [.. _gradual], new bool[Frames.Count]);
}
