using System.Text.Json.Serialization;
using SceneCut.Jobs.Jobs;

namespace SceneCut.Jobs.Output;

/// <summary>Source-generated JSON for the documents this library writes (no reflection at run time).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ErrorDocument))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(BatchSummary))]
internal sealed partial class JobsJsonContext : JsonSerializerContext;
