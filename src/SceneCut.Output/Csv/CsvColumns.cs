namespace SceneCut.Output.Csv;

/// <summary>The CSV header, in column order (documented in docs/output-formats.md).</summary>
internal static class CsvColumns
{
    public static readonly IReadOnlyList<string> All =
    [
        "kind", "index", "start_frame", "end_frame", "start_seconds", "end_seconds", "duration_seconds",
        "start_timecode", "end_timecode", "transition", "score", "first_shot", "last_shot", "reasons", "video",
    ];
}
