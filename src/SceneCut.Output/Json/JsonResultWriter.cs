using SceneCut.Results;

namespace SceneCut.Output.Json;

/// <summary>The result document itself, as published in <c>docs/schema/result-v1.schema.json</c>.</summary>
internal sealed class JsonResultWriter : IResultWriter
{
    public string Format => OutputFormats.Json;

    public string FileExtension => ".json";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        // Times to the microsecond: raw doubles would print as 14.600000000000001.
        await ResultJson.SerializeAsync(output, ResultTimes.Round(document), cancellationToken).ConfigureAwait(false);
        // A final newline, as text tools expect (and as `scenecut detect` has always printed).
        output.WriteByte((byte)'\n');
    }
}
