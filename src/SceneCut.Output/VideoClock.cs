using SceneCut.Results;

namespace SceneCut.Output;

/// <summary>The frame rate timecodes count with, and the video's name for titles.</summary>
internal static class VideoClock
{
    // A container that states no rate and decoded nothing: PAL's rate keeps timecodes well-formed.
    private const double FallbackFps = 25.0;

    /// <summary>The nominal rate; when the container gave none, frames over duration; else 25.</summary>
    public static double Fps(VideoSection video)
    {
        if (double.IsFinite(video.Fps) && video.Fps > 0)
        {
            return video.Fps;
        }

        return video is { FrameCount: > 0, DurationSeconds: > 0 } && double.IsFinite(video.DurationSeconds)
            ? video.FrameCount / video.DurationSeconds
            : FallbackFps;
    }

    /// <summary>The timecode of <paramref name="frame"/> at the video's rate (drop-frame at 29.97 and 59.94).</summary>
    public static Timecode TimecodeOf(VideoSection video, long frame) => Timecode.FromFrame(Math.Max(0, frame), Fps(video));

    /// <summary>The file name without folders (untrusted: escape it for the target format).</summary>
    public static string FileName(VideoSection video)
    {
        // Paths from Windows machines may arrive on Linux workers: split on both separators.
        var path = video.Path;
        var cut = path.LastIndexOfAny(['/', '\\']);
        return cut >= 0 ? path[(cut + 1)..] : path;
    }
}
