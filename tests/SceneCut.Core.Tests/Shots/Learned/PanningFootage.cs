using OpenCvSharp;
using SceneCut.Shots.Learned.Training;
using SceneCut.Synthetic;

namespace SceneCut.Tests.Shots.Learned;

/// <summary>Generated analysis-size footage for the learned-model tests: panning procedural shots, no third-party video.</summary>
internal static class PanningFootage
{
    public const int Width = 64;
    public const int Height = 36;

    /// <summary><paramref name="frames"/> frames of picture <paramref name="seed"/>, the camera panning <paramref name="pan"/> pixels per frame.</summary>
    public static List<byte[]> Shot(int seed, int frames, double pan)
    {
        var wide = (int)Math.Ceiling(Width + (Math.Abs(pan) * frames)) + 2;
        using var picture = ProceduralPicture.Render(seed, new Size(wide * 4, Height * 4));
        using var small = new Mat();
        Cv2.Resize(picture, small, new Size(wide, Height), interpolation: InterpolationFlags.Area);
        var result = new List<byte[]>(frames);
        for (var f = 0; f < frames; f++)
        {
            var x = (int)Math.Round(pan >= 0 ? pan * f : (wide - Width - 1) + (pan * f));
            using var crop = new Mat(small, new Rect(Math.Clamp(x, 0, wide - Width), 0, Width, Height));
            using var copy = crop.Clone();
            var bytes = new byte[Width * Height * 3];
            System.Runtime.InteropServices.Marshal.Copy(copy.Data, bytes, 0, bytes.Length);
            result.Add(bytes);
        }

        return result;
    }

    /// <summary>A "video" of shots joined by cuts, with its truth, as the trainer reads it.</summary>
    public static (LabelledVideo Truth, CachedVideo Video) CutVideo(string name, string source, IReadOnlyList<List<byte[]>> shots)
    {
        var frames = shots.SelectMany(s => s).ToArray();
        var cuts = new List<TruthSpan>();
        var at = 0;
        foreach (var shot in shots.Take(shots.Count - 1))
        {
            at += shot.Count;
            cuts.Add(new TruthSpan(at, at, true));
        }

        var seconds = Enumerable.Range(0, frames.Length).Select(f => f / 25.0).ToArray();
        return (new LabelledVideo(name, "", "", source, cuts, []), new CachedVideo(Width, Height, 25, seconds, frames));
    }

    /// <summary>Two shots blended over <paramref name="length"/> frames: (1 − α)·a + α·b with α = (i + 1)/(length + 1).</summary>
    public static List<byte[]> Dissolve(List<byte[]> a, List<byte[]> b, int length)
    {
        var result = a.Take(a.Count - length).ToList();
        for (var i = 0; i < length; i++)
        {
            var alpha = (i + 1f) / (length + 1f);
            var x = a[a.Count - length + i];
            var y = b[i];
            var blend = new byte[x.Length];
            for (var k = 0; k < x.Length; k++)
            {
                blend[k] = (byte)((x[k] * (1f - alpha)) + (y[k] * alpha) + 0.5f);
            }

            result.Add(blend);
        }

        result.AddRange(b.Skip(length));
        return result;
    }
}
