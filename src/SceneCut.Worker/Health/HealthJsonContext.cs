using System.Text.Json.Serialization;

namespace SceneCut.Worker.Health;

/// <summary>Source-generated JSON for the health file.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(HealthReport))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
