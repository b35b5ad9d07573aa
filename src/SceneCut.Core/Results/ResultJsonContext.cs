using System.Text.Json.Serialization;

namespace SceneCut.Results;

/// <summary>Source-generated (reflection-free, trimming-safe) JSON metadata for the result document.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(ResultDocument))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
