using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;

namespace SceneCut.Worker.Tests.Fuzz;

/// <summary>
/// Broken and odd media made by our own code from the shared clips and from FFmpeg's test sources, seeded, in a temp
/// folder (never committed): truncations at random offsets, bit flips, zeroed blocks, shuffled chunks, wrong
/// extensions, audio-only files, still images, 0-frame containers, absurd declared sizes and durations, an hour of black.
/// </summary>
internal static class FuzzCorpus
{
    // Small clips of several containers and codecs, so the corpus stays quick to analyse.
    private static readonly string[] Clips = ["realshort.mp4", "chaplin.mp4", "clip1024.flv", "tree.avi", "goldeneye-vfr-drop3.mp4"];

    /// <summary>Writes the corpus into <paramref name="folder"/> and returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, int seed)
    {
        var random = new Random(seed);
        var files = new List<string>();
        string Add(string name, byte[] bytes)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            files.Add(path);
            return path;
        }

        var sources = Clips.Select(c => (Name: Path.GetFileNameWithoutExtension(c), Extension: Path.GetExtension(c), Bytes: File.ReadAllBytes(SharedData.Clip(c)))).ToList();
        foreach (var (name, extension, bytes) in sources)
        {
            for (var i = 0; i < 5; i++)
            {
                Add($"truncated-{name}-{i}{extension}", bytes[..random.Next(1, bytes.Length)]);
            }

            for (var i = 0; i < 4; i++)
            {
                Add($"flipped-{name}-{i}{extension}", FlipBits(bytes, random, flips: 10 * (i + 1)));
            }

            for (var i = 0; i < 3; i++)
            {
                Add($"zeroed-{name}-{i}{extension}", ZeroBlock(bytes, random));
            }

            for (var i = 0; i < 2; i++)
            {
                Add($"shuffled-{name}-{i}{extension}", ShuffleChunks(bytes, random));
            }

            // The right bytes under the wrong names.
            Add($"wrong-ext-{name}{(extension == ".mp4" ? ".avi" : ".mp4")}", bytes);
            Add($"wrong-ext-{name}.mp3", bytes);
        }

        Add("empty.mp4", []);
        Add("random-bytes.mp4", RandomBytes(random, 64 * 1024));
        Add("text.mkv", "not a video at all\n"u8.ToArray());

        var chaplin = sources.Single(s => s.Name == "chaplin").Bytes;
        Add("absurd-mp4-duration.mp4", PatchMp4(chaplin, "mvhd", 16, uint.MaxValue, 4));
        Add("absurd-mp4-media-duration.mp4", PatchMp4(chaplin, "mdhd", 16, uint.MaxValue, 4));
        Add("absurd-mp4-size.mp4", PatchMp4(PatchMp4(chaplin, "tkhd", 76, 0xFFFF0000, 4), "tkhd", 80, 0xFFFF0000, 4));
        Add("absurd-mp4-timescale.mp4", PatchMp4(chaplin, "mdhd", 12, 1, 4));
        Add("absurd-mp4-frame-delta.mp4", PatchMp4(chaplin, "stts", 12, uint.MaxValue, 4));
        var tree = sources.Single(s => s.Name == "tree").Bytes;
        Add("absurd-avi-frames.avi", PatchAvi(tree, 16, int.MaxValue));
        Add("absurd-avi-size.avi", PatchAvi(PatchAvi(tree, 32, 1 << 20), 36, 1 << 20));
        Add("absurd-avi-rate.avi", PatchAvi(tree, 0, 1));

        string Made(string name, params string[] arguments)
        {
            var path = Path.Combine(folder, name);
            Ffmpeg([.. arguments, path]);
            files.Add(path);
            return path;
        }

        Made("audio-only.m4a", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac");
        Made("audio-only.mp4", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "aac");
        Made("audio-only.wav", "-f", "lavfi", "-i", "sine=frequency=440:duration=2");
        Made("audio-only.mkv", "-f", "lavfi", "-i", "sine=frequency=440:duration=2", "-c:a", "flac");
        Made("still.png", "-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1");
        Made("still.jpg", "-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1");
        Made("still-one-frame.mp4", "-f", "lavfi", "-i", "testsrc=size=320x240", "-frames:v", "1", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        Made("zero-frames.mp4", "-f", "lavfi", "-i", "testsrc=size=64x64", "-frames:v", "0", "-c:v", "libx264");
        Made("zero-frames.mkv", "-f", "lavfi", "-i", "testsrc=size=64x64", "-frames:v", "0", "-c:v", "libx264");
        Made("zero-frames-with-audio.mp4", "-f", "lavfi", "-i", "testsrc=size=64x64", "-f", "lavfi", "-i", "sine=duration=1", "-map", "0:v", "-map", "1:a", "-frames:v", "0", "-c:v", "libx264", "-c:a", "aac");
        // An hour of black at a tiny size and rate: long in time, cheap in frames (18 000).
        Made("black-hour.mp4", "-f", "lavfi", "-i", "color=black:size=32x32:rate=5:duration=3600", "-c:v", "libx264", "-preset", "ultrafast");
        return files;
    }

    private static byte[] FlipBits(byte[] bytes, Random random, int flips)
    {
        var copy = (byte[])bytes.Clone();
        // The first kilobyte is left alone: a broken header is what the truncations and patches are for.
        var start = Math.Min(1024, copy.Length / 2);
        for (var i = 0; i < flips; i++)
        {
            copy[random.Next(start, copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] ZeroBlock(byte[] bytes, Random random)
    {
        var copy = (byte[])bytes.Clone();
        var length = Math.Min(copy.Length / 4, random.Next(512, 64 * 1024));
        copy.AsSpan(random.Next(0, copy.Length - length), length).Clear();
        return copy;
    }

    private static byte[] ShuffleChunks(byte[] bytes, Random random)
    {
        var count = random.Next(8, 33);
        var size = (bytes.Length + count - 1) / count;
        var chunks = bytes.Chunk(size).ToList();
        // The first chunk stays first, so the container still starts like one.
        var rest = chunks.Skip(1).OrderBy(_ => random.Next()).ToList();
        return [.. chunks[0], .. rest.SelectMany(c => c)];
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    // Overwrites a big-endian field at offset (from the box start) of every box of that type (a plain byte search: the
    // box types are four letters that rarely occur in coded data, and the corpus is seeded, so any stray hit repeats).
    private static byte[] PatchMp4(byte[] bytes, string box, int offset, uint value, int size)
    {
        var copy = (byte[])bytes.Clone();
        var type = System.Text.Encoding.ASCII.GetBytes(box);
        for (var at = copy.AsSpan().IndexOf(type); at >= 4; at = Next(copy, type, at))
        {
            var field = at - 4 + offset;
            if (size == 4 && field + 4 <= copy.Length)
            {
                BinaryPrimitives.WriteUInt32BigEndian(copy.AsSpan(field), value);
            }
        }

        return copy;
    }

    private static int Next(byte[] bytes, byte[] type, int at)
    {
        var next = bytes.AsSpan(at + 1).IndexOf(type);
        return next < 0 ? -1 : at + 1 + next;
    }

    // Overwrites a little-endian field of the AVI main header ('avih'): 0 µs/frame, 16 total frames, 32 width, 36 height.
    private static byte[] PatchAvi(byte[] bytes, int offset, int value)
    {
        var copy = (byte[])bytes.Clone();
        var at = copy.AsSpan().IndexOf("avih"u8);
        BinaryPrimitives.WriteInt32LittleEndian(copy.AsSpan(at + 8 + offset), value);
        return copy;
    }

    private static void Ffmpeg(string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed: {error}");
        }
    }

    /// <summary>Seconds as the invariant culture writes them (for settings on a command line).</summary>
    public static string Seconds(double value) => value.ToString(CultureInfo.InvariantCulture);
}
