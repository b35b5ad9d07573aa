using System.Text.Json;
using System.Text.Json.Serialization;

namespace SceneCut.Results;

/// <summary>Reads and writes <see cref="ResultDocument"/> as camelCase JSON.</summary>
public static class ResultJson
{
    /// <summary>Serialises <paramref name="document"/>, indented.</summary>
    public static string Serialize(ResultDocument document) => JsonSerializer.Serialize(document, ResultJsonContext.Default.ResultDocument);

    /// <summary>Writes <paramref name="document"/> to <paramref name="stream"/>, indented.</summary>
    public static Task SerializeAsync(Stream stream, ResultDocument document, CancellationToken cancellationToken) =>
        JsonSerializer.SerializeAsync(stream, document, ResultJsonContext.Default.ResultDocument, cancellationToken);

    /// <summary>Parses a result document; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ResultDocument Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ResultJsonContext.Default.ResultDocument)
        ?? throw new JsonException("The JSON is null, not a SceneCut result document.");
}
