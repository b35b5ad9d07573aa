namespace SceneCut.Output;

/// <summary>The format names <c>--format</c> accepts.</summary>
public static class OutputFormats
{
    /// <summary>The result document (<c>.json</c>), schema <c>docs/schema/result-v1.schema.json</c>.</summary>
    public const string Json = "json";

    /// <summary>One RFC 4180 row per shot and per scene (<c>.csv</c>).</summary>
    public const string Csv = "csv";

    /// <summary>CMX 3600 edit decision list, one event per shot (<c>.edl</c>).</summary>
    public const string Edl = "edl";

    /// <summary>FFmpeg metadata with one chapter per scene (<c>.ffmetadata</c>).</summary>
    public const string Chapters = "chapters";

    /// <summary>WebVTT chapters, one cue per scene (<c>.chapters.vtt</c>).</summary>
    public const string Vtt = "vtt";

    /// <summary>Ad-slot cue list for SCTE-35 insertion (<c>.cues.json</c>).</summary>
    public const string Cues = "cues";

    /// <summary>IAB VMAP 1.0 with one ad break per slot (<c>.vmap.xml</c>).</summary>
    public const string Vmap = "vmap";

    /// <summary>Self-contained HTML report (<c>.html</c>).</summary>
    public const string Html = "html";

    /// <summary>SCTE-35 placement-opportunity messages per ad slot: base64, hex and XML, with times and 90 kHz PTS (<c>.scte35.json</c>).</summary>
    public const string Scte35 = "scte35";

    /// <summary>A conditioned copy of the HLS playlist in <see cref="OutputOptions.HlsPlaylist"/>: SCTE-35 DATERANGE and CUE-OUT/IN at the slots (<c>.m3u8</c>).</summary>
    public const string Hls = "hls";

    /// <summary>A DASH <c>EventStream</c> (scheme <c>urn:scte:scte35:2013:xml</c>) for an MPD period (<c>.eventstream.xml</c>).</summary>
    public const string Dash = "dash";

    /// <summary>Google Ad Manager DAI cue points, <c>"55.532s"</c> form (<c>.dai.json</c>).</summary>
    public const string Dai = "dai";

    /// <summary>The key-frame times for <c>ffmpeg -force_key_frames</c>, so a re-encode starts a GOP on every slot (<c>.keyframes.txt</c>).</summary>
    public const string KeyFrames = "keyframes";
}
