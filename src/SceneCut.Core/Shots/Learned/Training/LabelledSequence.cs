namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Frames in order with frame-exact labels: <see cref="Cut"/> is 1 at a cut's first new frame, <see cref="Gradual"/> 1 on
/// every frame a gradual transition covers, and <see cref="Ignore"/> marks frames (ambiguous spans) no example may hold.
/// </summary>
/// <param name="Name">Where the frames came from (video name, or the synthetic episode's number and host).</param>
/// <param name="Source">The source left out together in leave-one-source-out.</param>
/// <param name="Width">Picture width.</param>
/// <param name="Height">Picture height.</param>
/// <param name="Frames">Per frame: Height × Width × 3 bytes, BGR.</param>
/// <param name="Cut">Per frame: 1 where a cut starts.</param>
/// <param name="Gradual">Per frame: 1 where a gradual transition covers the frame.</param>
/// <param name="Ignore">Per frame: true inside an ambiguous span.</param>
public sealed record LabelledSequence(string Name, string Source, int Width, int Height, byte[][] Frames,
    float[] Cut, float[] Gradual, bool[] Ignore)
{
    /// <summary>A real video's frames with its truth: ambiguous spans widened by <paramref name="ignoreMargin"/> frames are ignored.</summary>
    public static LabelledSequence FromTruth(LabelledVideo truth, CachedVideo video, int ignoreMargin = 2)
    {
        var n = video.Frames.Length;
        var cut = new float[n];
        var gradual = new float[n];
        var ignore = new bool[n];
        foreach (var t in truth.Transitions)
        {
            if (t.IsCut)
            {
                if (t.Start < n)
                {
                    cut[t.Start] = 1;
                }
            }
            else
            {
                for (var f = Math.Max(0, t.Start); f <= Math.Min(n - 1, t.End); f++)
                {
                    gradual[f] = 1;
                }
            }
        }

        foreach (var (start, end) in truth.Ambiguous)
        {
            for (var f = Math.Max(0, start - ignoreMargin); f <= Math.Min(n - 1, end + ignoreMargin); f++)
            {
                ignore[f] = true;
            }
        }

        return new LabelledSequence(truth.Name, truth.Source, video.Width, video.Height, video.Frames, cut, gradual, ignore);
    }
}
