using SceneCut.Results;

namespace SceneCut.Scenes.Training.Labels;

/// <summary>A labelled moment of a video: seconds, or a timecode that needs the video's frame rate.</summary>
public readonly record struct LabelTime
{
    private LabelTime(double? seconds, Timecode? timecode, Timecode? origin)
    {
        Seconds = seconds;
        Timecode = timecode;
        Origin = origin;
    }

    /// <summary>Seconds from the video's first frame, when given that way.</summary>
    public double? Seconds { get; }

    /// <summary>A timecode, when given that way.</summary>
    public Timecode? Timecode { get; }

    /// <summary>The timecode of the video's first frame (an EDL's programme often starts at 01:00:00:00); null for 00:00:00:00.</summary>
    public Timecode? Origin { get; }

    public static LabelTime AtSeconds(double seconds) => new(seconds, null, null);

    public static LabelTime AtTimecode(Timecode timecode, Timecode? origin = null) => new(null, timecode, origin);

    /// <summary>Seconds from the video's first frame; a timecode counts frames at <paramref name="fps"/>.</summary>
    public double ToSeconds(double fps)
    {
        if (Seconds is { } seconds)
        {
            return seconds;
        }

        var timecode = Timecode ?? throw new InvalidOperationException("An empty label time.");
        return (timecode.ToFrame(fps) - (Origin?.ToFrame(fps) ?? 0)) / fps;
    }
}
