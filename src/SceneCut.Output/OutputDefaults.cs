namespace SceneCut.Output;

/// <summary>Default values of <see cref="OutputOptions"/>, in one place.</summary>
public static class OutputDefaults
{
    /// <summary>Formats written when none are asked for: the result document alone.</summary>
    public static IReadOnlyList<string> Formats { get; } = [OutputFormats.Json];

    /// <summary>Timecode of the video's first frame in the EDL (source and record side): a file without embedded timecode starts at zero.</summary>
    public const string EdlStartTimecode = "00:00:00:00";

    /// <summary>
    /// VAST ad-tag URL for each VMAP ad break. Placeholders (values URL-encoded): <c>{index}</c> 1-based slot number,
    /// <c>{seconds}</c>, <c>{milliseconds}</c>, <c>{frame}</c>, <c>{timecode}</c>, <c>{score}</c>, <c>{video}</c> (file name).
    /// example.com is reserved for documentation: set your ad server's tag.
    /// </summary>
    public const string VastTagTemplate = "https://ads.example.com/vast?slot={index}&pos={milliseconds}&video={video}";

    /// <summary>The <c>templateType</c> of VMAP <c>AdTagURI</c>: the VAST version the ad server answers with.</summary>
    public const string VastTemplateType = "vast3";

    /// <summary>Thumbnail width in the HTML report, pixels: big enough to recognise a shot, small enough for 400 of them inline.</summary>
    public const int ThumbnailWidth = 160;

    /// <summary>Most thumbnails in one report; keeps a 2-hour film's report (≈2000 shots) near 5 MB and quick to open.</summary>
    public const int MaxThumbnails = 400;

    /// <summary>Most thumbnails in one scene's strip.</summary>
    public const int ThumbnailsPerScene = 8;

    /// <summary>JPEG quality of report thumbnails (0–100).</summary>
    public const int JpegQuality = 70;

    /// <summary>
    /// Planned length of each ad break, seconds: the SCTE-35 segmentation_duration, HLS PLANNED-DURATION and CUE-OUT
    /// duration. A VOD slot inserts a break without replacing content; 30 s is one common spot.
    /// </summary>
    public const double AdBreakSeconds = 30;
}
