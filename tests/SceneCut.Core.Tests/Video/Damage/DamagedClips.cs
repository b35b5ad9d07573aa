using System.Globalization;
using System.Text.RegularExpressions;
using SceneCut.Video;

namespace SceneCut.Tests.Video.Damage;

/// <summary>
/// Damaged copies of clips, made by our own code in a test's temp folder (never committed), and what <c>ffmpeg</c>
/// itself says about them: the reference the damage reports are checked against.
/// </summary>
internal static partial class DamagedClips
{
    /// <summary>Flips bits in the middle of the packet of <paramref name="frame"/> (decode order), leaving its NAL headers alone.</summary>
    public static void DamagePacket(string path, int frame)
    {
        var packets = FfmpegCommand.Run(
            FfmpegTestClips.Tools.FfprobePath,
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "packet=pos,size", "-of", "csv=p=0", "file:" + Path.GetFullPath(path)],
            TimeSpan.FromSeconds(60),
            CancellationToken.None).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fields = packets[frame].Split(',');
        var (size, position) = (int.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
        var bytes = File.ReadAllBytes(path);
        for (var k = 1; k <= 8; k++)
        {
            bytes[position + (size * (k + 1) / 10)] ^= 0x5A;
        }

        File.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// The frames <c>ffmpeg -v error</c> complains about: decoded on one thread, so each error line comes before the
    /// frame it is about (or a frame or two earlier, where B-frames reorder), and is given to the next frame <c>showinfo</c> reports.
    /// </summary>
    public static IReadOnlyList<int> FramesFfmpegFlags(string path)
    {
        var stderr = FfmpegCommand.Run(
            FfmpegTestClips.Tools.FfmpegPath,
            ["-hide_banner", "-nostdin", "-threads", "1", "-loglevel", "level+info", "-i", "file:" + Path.GetFullPath(path), "-map", "0:v:0", "-vf", "showinfo", "-f", "null", "-"],
            TimeSpan.FromSeconds(120),
            CancellationToken.None).StandardError;
        var flagged = new SortedSet<int>();
        var pending = false;
        foreach (var line in stderr.Split('\n'))
        {
            if (ShowInfoFrame().Match(line) is { Success: true } frame)
            {
                if (pending)
                {
                    flagged.Add(int.Parse(frame.Groups[1].Value, CultureInfo.InvariantCulture));
                }

                pending = false;
            }
            else if (line.Contains("] [error] ", StringComparison.Ordinal) && !line.Contains("Parsed_", StringComparison.Ordinal))
            {
                pending = true;
            }
        }

        return [.. flagged];
    }

    [GeneratedRegex(@"Parsed_showinfo.*\] n:\s*(\d+) ", RegexOptions.CultureInvariant)]
    private static partial Regex ShowInfoFrame();
}
