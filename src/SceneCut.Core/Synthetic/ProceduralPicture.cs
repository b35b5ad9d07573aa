using OpenCvSharp;

namespace SceneCut.Synthetic;

/// <summary>
/// A picture made from a seed: a two-colour gradient with random shapes on it. Different seeds give pictures as
/// different as two places; the same seed always gives the same picture, so generated clips are reproducible and
/// carry no third-party footage.
/// </summary>
public static class ProceduralPicture
{
    private const int Shapes = 14;

    /// <summary>Renders the picture of <paramref name="seed"/> at <paramref name="size"/> (BGR).</summary>
    public static Mat Render(int seed, Size size)
    {
        var random = new Random(seed);
        var picture = new Mat(size, MatType.CV_8UC3);
        var top = RandomColour(random);
        var bottom = RandomColour(random);
        for (var y = 0; y < size.Height; y++)
        {
            var t = (double)y / Math.Max(1, size.Height - 1);
            var colour = new Scalar(
                top.Val0 + ((bottom.Val0 - top.Val0) * t),
                top.Val1 + ((bottom.Val1 - top.Val1) * t),
                top.Val2 + ((bottom.Val2 - top.Val2) * t));
            Cv2.Rectangle(picture, new Rect(0, y, size.Width, 1), colour, -1);
        }

        var scale = Math.Min(size.Width, size.Height);
        for (var i = 0; i < Shapes; i++)
        {
            var centre = new Point(random.Next(size.Width), random.Next(size.Height));
            var extent = (int)(scale * (0.05 + (0.2 * random.NextDouble())));
            var colour = RandomColour(random);
            if (random.Next(2) == 0)
            {
                Cv2.Circle(picture, centre, extent, colour, -1, LineTypes.AntiAlias);
            }
            else
            {
                Cv2.Rectangle(picture, new Rect(centre.X - extent, centre.Y - (extent / 2), 2 * extent, extent), colour, -1);
            }
        }

        return picture;
    }

    private static Scalar RandomColour(Random random) => new(random.Next(30, 256), random.Next(30, 256), random.Next(30, 256));
}
