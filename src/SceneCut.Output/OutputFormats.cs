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
}
