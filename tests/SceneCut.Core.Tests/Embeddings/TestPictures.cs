using OpenCvSharp;

namespace SceneCut.Tests.Embeddings;

/// <summary>Deterministic pictures drawn with OpenCV, so embedding tests need no files.</summary>
internal static class TestPictures
{
    /// <summary>A colourful scene: sky-to-grass gradient, a red house with a dark door, a yellow sun. 8-bit BGR.</summary>
    public static Mat House(int width = 320, int height = 240)
    {
        var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(235, 180, 120));
        Cv2.Rectangle(image, new Rect(0, height * 2 / 3, width, height / 3), new Scalar(40, 150, 60), -1);
        Cv2.Rectangle(image, new Rect(width / 4, height / 3, width / 3, height / 3), new Scalar(40, 40, 200), -1);
        Cv2.Rectangle(image, new Rect((width / 4) + (width / 8), height / 2, width / 12, height / 6), new Scalar(30, 40, 60), -1);
        Cv2.Circle(image, new Point(width * 4 / 5, height / 5), height / 8, new Scalar(40, 220, 250), -1);
        return image;
    }

    /// <summary>A checkerboard in blue and orange: a picture unlike <see cref="House"/>.</summary>
    public static Mat Checkerboard(int width = 320, int height = 240, int cell = 20)
    {
        var image = new Mat(height, width, MatType.CV_8UC3, new Scalar(200, 80, 20));
        for (var y = 0; y < height; y += cell)
        {
            for (var x = (y / cell % 2) * cell; x < width; x += 2 * cell)
            {
                Cv2.Rectangle(image, new Rect(x, y, cell, cell), new Scalar(20, 140, 250), -1);
            }
        }

        return image;
    }
}
