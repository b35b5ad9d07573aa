using SceneCut.Results;

namespace SceneCut.Jobs.Output;

/// <summary>
/// The formats a job can write, by the name used in <c>Worker:Jobs:Formats</c>. Adding a format (e.g. from the
/// output writers' registry when it lands) is one line here.
/// </summary>
public static class OutputFormats
{
    /// <summary>The name of the JSON result document, which is always kept: duplicates are rendered from it.</summary>
    public const string Json = "json";

    /// <summary>Every known format, case-insensitive.</summary>
    public static IReadOnlyDictionary<string, OutputFormat> All { get; } = new Dictionary<string, OutputFormat>(StringComparer.OrdinalIgnoreCase)
    {
        [Json] = new("scenecut.json", document => ResultJson.Serialize(document) + "\n"),
    };
}
