using SceneCut.Output;
using SceneCut.Output.Html;
using SceneCut.Results;

namespace SceneCut.Jobs.Output;

/// <summary>
/// The formats a job can write, by the name used in <c>Worker:Jobs:Formats</c>: the JSON result document and every
/// writer of the output registry (csv, edl, chapters, vtt, cues, vmap, html), each as
/// <c>&lt;source file&gt;.scenecut&lt;extension&gt;</c>.
/// </summary>
public static class OutputFormats
{
    /// <summary>The name of the JSON result document, which is always kept: duplicates are rendered from it.</summary>
    public const string Json = "json";

    /// <summary>Every known format, case-insensitive.</summary>
    public static IReadOnlyDictionary<string, OutputFormat> All { get; } = Build();

    private static Dictionary<string, OutputFormat> Build()
    {
        var formats = new Dictionary<string, OutputFormat>(StringComparer.OrdinalIgnoreCase)
        {
            [Json] = new("scenecut.json", document => ResultJson.Serialize(document) + "\n"),
        };
        foreach (var format in ResultWriterRegistry.Default.Formats.Where(f => !string.Equals(f, Json, StringComparison.OrdinalIgnoreCase)))
        {
            var writer = ResultWriterRegistry.Default.Get(format);
            formats[format] = new("scenecut" + writer.FileExtension, document => Render(writer, document));
        }

        return formats;
    }

    // Jobs render on their own worker threads, so waiting for the writer here blocks nobody.
    private static string Render(IResultWriter writer, ResultDocument document)
    {
        var thumbnails = writer.Format == "html" && File.Exists(document.Video.Path) ? new OpenCvThumbnailSource(document.Video.Path) : null;
        using var buffer = new MemoryStream();
        writer.WriteAsync(document, buffer, new WriterContext(new OutputOptions(), thumbnails), CancellationToken.None).GetAwaiter().GetResult();
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
