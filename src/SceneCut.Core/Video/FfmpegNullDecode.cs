using System.Globalization;
using System.Text.RegularExpressions;

namespace SceneCut.Video;

/// <summary>
/// <c>ffmpeg -f null</c>: decodes the first video stream and throws the pictures away. The fastest decode the machine
/// can do, and so the floor every speed figure is compared with (design notes, "How we score").
/// </summary>
public static partial class FfmpegNullDecode
{
    // A benchmark of a long file may take a while; this only guards against a hung child.
    private static readonly TimeSpan Timeout = TimeSpan.FromHours(1);

    /// <summary>Decodes <paramref name="path"/> with the same threads and hardware settings as the frame source; returns the frame count.</summary>
    public static int Run(FfmpegTools tools, DecodingOptions options, string path, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { "-hide_banner", "-nostdin", "-v", "error", "-stats" };
        if (options.Threads > 0)
        {
            arguments.AddRange(["-threads", options.Threads.ToString(CultureInfo.InvariantCulture)]);
        }

        if (!string.IsNullOrWhiteSpace(options.HardwareAcceleration))
        {
            arguments.AddRange(["-hwaccel", options.HardwareAcceleration]);
        }

        arguments.AddRange(["-i", FfmpegInput.Url(path), "-map", "0:v:0", "-an", "-sn", "-dn", "-f", "null", "-"]);
        var result = FfmpegCommand.Run(tools.FfmpegPath, arguments, Timeout, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new VideoInputException(path, VideoInputError.NoFrames, "ffmpeg -f null failed: " + FfmpegInput.Explain(result.StandardError, path));
        }

        // -stats ends with "frame= 2880 fps=…"; the last such figure is the total.
        var counts = FramesPattern().Matches(result.StandardError);
        return counts.Count == 0 ? 0 : int.Parse(counts[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"frame=\s*(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex FramesPattern();
}
