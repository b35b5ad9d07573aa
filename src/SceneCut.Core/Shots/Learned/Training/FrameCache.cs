using OpenCvSharp;
using SceneCut.Video;

namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Decodes a video once into its analysis-size pictures (<see cref="CachedVideo"/>) and keeps them in a cache folder,
/// keyed by the file's name, size and time, so later runs read a few megabytes instead of decoding again.
/// </summary>
public static class FrameCache
{
    private const int FormatVersion = 1;

    /// <summary>The frames of <paramref name="path"/> at <paramref name="analysisWidth"/>, from the cache or decoded.</summary>
    public static CachedVideo Load(string path, string cacheFolder, DecodingOptions decoding, int analysisWidth)
    {
        var info = new FileInfo(path);
        var key = $"{info.Name}.{info.Length}.{info.LastWriteTimeUtc.Ticks}.w{analysisWidth}.v{FormatVersion}.frames";
        var cached = Path.Combine(cacheFolder, key);
        if (File.Exists(cached))
        {
            return Read(cached);
        }

        var video = Decode(path, decoding, analysisWidth);
        Directory.CreateDirectory(cacheFolder);
        var temporary = cached + ".tmp";
        Write(temporary, video);
        File.Move(temporary, cached, overwrite: true);
        return video;
    }

    private static CachedVideo Decode(string path, DecodingOptions decoding, int analysisWidth)
    {
        using var source = FrameSourceFactory.Open(path, decoding, FrameScale.ToWidth(analysisWidth));
        using var small = new Mat();
        var seconds = new List<double>();
        var frames = new List<byte[]>();
        int width = 0, height = 0;
        foreach (var frame in source.ReadFrames(CancellationToken.None))
        {
            var image = frame.Image;
            if (image.Width != analysisWidth)
            {
                // OpenCV delivers full-size frames: shrink them the way the feature extractor does (area average).
                var h = Math.Max(1, (int)Math.Round((double)image.Height * analysisWidth / image.Width));
                Cv2.Resize(image, small, new Size(analysisWidth, h), interpolation: InterpolationFlags.Area);
                image = small;
            }

            width = image.Width;
            height = image.Height;
            var bytes = new byte[width * height * 3];
            System.Runtime.InteropServices.Marshal.Copy(image.Data, bytes, 0, bytes.Length);
            frames.Add(bytes);
            seconds.Add(frame.Seconds);
        }

        return new CachedVideo(width, height, source.Info.Fps, [.. seconds], [.. frames]);
    }

    private static void Write(string path, CachedVideo video)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(FormatVersion);
        writer.Write(video.Width);
        writer.Write(video.Height);
        writer.Write(video.Fps);
        writer.Write(video.Frames.Length);
        foreach (var s in video.Seconds)
        {
            writer.Write(s);
        }

        foreach (var f in video.Frames)
        {
            writer.Write(f);
        }
    }

    private static CachedVideo Read(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadInt32() != FormatVersion)
        {
            throw new InvalidDataException($"{path}: not a frame cache of version {FormatVersion}.");
        }

        var width = reader.ReadInt32();
        var height = reader.ReadInt32();
        var fps = reader.ReadDouble();
        var count = reader.ReadInt32();
        var seconds = new double[count];
        for (var i = 0; i < count; i++)
        {
            seconds[i] = reader.ReadDouble();
        }

        var frames = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            frames[i] = reader.ReadBytes(width * height * 3);
        }

        return new CachedVideo(width, height, fps, seconds, frames);
    }
}
