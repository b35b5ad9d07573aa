using System.ComponentModel;
using System.Globalization;
using System.Text.Json;

namespace SceneCut.Video;

/// <summary>
/// Reads container facts with <c>ffprobe</c>'s JSON output (demuxing only, no decoding): size, rotation, frame rate,
/// declared length, time base and start time of the first video stream.
/// </summary>
public static class FfmpegProbe
{
    /// <summary>
    /// What both FFmpeg frame sources do before decoding: checks the file is readable, probes it with the configured
    /// timeout, and requires a picture size. Throws <see cref="VideoInputException"/> naming the file and the cause.
    /// </summary>
    public static FfmpegStreamInfo ProbeForDecoding(FfmpegTools tools, string path, DecodingOptions options, CancellationToken cancellationToken)
    {
        VideoFileCheck.EnsureReadable(path);
        var stream = Probe(tools, path, TimeSpan.FromSeconds(options.ProbeTimeoutSeconds), cancellationToken);
        if (stream.Info.Width <= 0 || stream.Info.Height <= 0)
        {
            throw new VideoInputException(path, VideoInputError.NoFrames, "FFmpeg found a video stream but no picture size (no decodable frame at the start)");
        }

        return stream;
    }

    /// <summary>Probes <paramref name="path"/>; throws <see cref="VideoInputException"/> with ffprobe's own message when it is not a video.</summary>
    public static FfmpegStreamInfo Probe(FfmpegTools tools, string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        FfmpegCommandResult result;
        try
        {
            result = FfmpegCommand.Run(
                tools.FfprobePath,
                ["-hide_banner", "-v", "error", "-show_streams", "-show_format", "-of", "json", FfmpegInput.Url(path)],
                timeout,
                cancellationToken);
        }
        catch (Exception ex) when (ex is Win32Exception or TimeoutException)
        {
            throw new VideoInputException(path, VideoInputError.NotAVideo, $"ffprobe could not read the file: {ex.Message}", ex);
        }

        if (result.ExitCode != 0)
        {
            throw new VideoInputException(path, VideoInputError.NotAVideo, "not a video FFmpeg recognises: " + FfmpegInput.Explain(result.StandardError, path));
        }

        return Parse(path, result.StandardOutput);
    }

    /// <summary>Turns ffprobe's <c>-show_streams -show_format -of json</c> output into stream facts.</summary>
    internal static FfmpegStreamInfo Parse(string path, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var kinds = new List<string>();
        JsonElement? video = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                var kind = String(stream, "codec_type") ?? "unknown";
                kinds.Add(kind);
                // The first video stream, as OpenCV and `-map 0:v:0` pick it.
                if (video is null && kind == "video")
                {
                    video = stream;
                }
            }
        }

        if (video is not { } v)
        {
            var found = kinds.Count == 0 ? "no streams at all" : "only " + string.Join(", ", kinds.Distinct());
            throw new VideoInputException(path, VideoInputError.NotAVideo, $"no video stream (FFmpeg found {found})");
        }

        var storedWidth = Int(v, "width");
        var storedHeight = Int(v, "height");
        var rotation = Rotation(v);
        var quarterTurn = rotation % 180 == 90;
        var fps = FrameRate(v);
        var (tbNum, tbDen) = Rational(String(v, "time_base")) is { } tb && tb.Num > 0 && tb.Den > 0 ? tb : (1L, 1L);

        var duration = Double(root.TryGetProperty("format", out var format) ? format : default, "duration");
        if (!(duration > 0))
        {
            duration = Double(v, "duration");
        }

        // OpenCV's rule: the stream's frame count when the container states one, else duration × rate.
        var declared = Int(v, "nb_frames");
        if (declared <= 0 && duration > 0 && fps > 0)
        {
            declared = (int)Math.Floor((duration * fps) + 0.5);
        }

        var info = new VideoInfo(
            Path: path,
            Fps: fps,
            Width: quarterTurn ? storedHeight : storedWidth,
            Height: quarterTurn ? storedWidth : storedHeight,
            DeclaredFrameCount: Math.Max(0, declared),
            DeclaredDurationSeconds: fps > 0 ? Math.Max(0, declared) / fps : 0,
            Codec: Codec(v),
            RotationDegrees: rotation);
        var start = Double(v, "start_time");
        return new FfmpegStreamInfo(info, double.IsFinite(start) ? start : 0, tbNum, tbDen);
    }

    /// <summary>Clockwise degrees to turn the stored picture to display it (OpenCV's <c>CAP_PROP_ORIENTATION_META</c> convention).</summary>
    private static int Rotation(JsonElement stream)
    {
        double? degrees = null;
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var r) && r.TryGetDouble(out var d))
                {
                    // The display matrix angle is counter-clockwise: -90 means "turn 90° clockwise".
                    degrees = -d;
                    break;
                }
            }
        }

        // FFmpeg before 5.0 reported the same thing as a clockwise "rotate" tag.
        if (degrees is null && stream.TryGetProperty("tags", out var tags) && String(tags, "rotate") is { } tag &&
            double.TryParse(tag, NumberStyles.Float, CultureInfo.InvariantCulture, out var tagDegrees))
        {
            degrees = tagDegrees;
        }

        var whole = (int)Math.Round(degrees ?? 0) % 360;
        return whole < 0 ? whole + 360 : whole;
    }

    /// <summary>
    /// The nominal rate as OpenCV's FFmpeg backend reads it: the average rate, else the real base rate (<c>tbr</c>). Shot
    /// detection sizes its windows with it, so both sources must agree (a VFR file's average is below its tbr).
    /// </summary>
    private static double FrameRate(JsonElement stream)
    {
        foreach (var name in (ReadOnlySpan<string>)["avg_frame_rate", "r_frame_rate"])
        {
            if (Rational(String(stream, name)) is { Num: > 0, Den: > 0 } rate)
            {
                return (double)rate.Num / rate.Den;
            }
        }

        return 0;
    }

    /// <summary>The container's four-character code when it has a printable one (as OpenCV reports), else FFmpeg's codec name.</summary>
    private static string Codec(JsonElement stream)
    {
        var tag = String(stream, "codec_tag_string");
        if (tag is { Length: 4 } && tag.All(char.IsAsciiLetterOrDigit))
        {
            return tag.ToLowerInvariant();
        }

        return String(stream, "codec_name") ?? "unknown";
    }

    private static (long Num, long Den)? Rational(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !long.TryParse(text.AsSpan(0, slash), NumberStyles.Integer, CultureInfo.InvariantCulture, out var num) ||
            !long.TryParse(text.AsSpan(slash + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var den))
        {
            return null;
        }

        return (num, den);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    private static int Int(JsonElement element, string name) =>
        int.TryParse(String(element, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static double Double(JsonElement element, string name) =>
        double.TryParse(String(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
}
