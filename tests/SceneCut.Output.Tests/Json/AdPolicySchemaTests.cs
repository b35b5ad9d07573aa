using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Json;

/// <summary>The additive v1 fields <c>adPolicy</c> and <c>sceneBoundaryProbabilities</c> round-trip and are checked by the schema.</summary>
public sealed class AdPolicySchemaTests
{
    // Its own registry: the schema's $id may be registered only once per registry, and ResultSchemaTests holds the global one.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "result-v1.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static ResultDocument WithPolicy(string? note) => Samples.Rich() with
    {
        SceneBoundaryProbabilities = Samples.Rich().Shots.Select((_, i) => i == 0 ? 0.0 : 0.25).ToList(),
        AdPolicy = new AdPolicySection(300, 120, 0.5, 8, note),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("video is 95 s long: shorter than twice the 120 s margin")]
    public void DocumentWithPolicy_ValidatesAndRoundTrips(string? note)
    {
        var json = ResultJson.Serialize(WithPolicy(note));

        Assert.True(Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement).IsValid);
        var back = ResultJson.Deserialize(json);
        Assert.Equal(new AdPolicySection(300, 120, 0.5, 8, note), back.AdPolicy);
        Assert.Equal(WithPolicy(note).SceneBoundaryProbabilities, back.SceneBoundaryProbabilities);
    }

    [Fact]
    public void DocumentWrittenBeforeTheFields_StillValidatesAndReadsAsEmpty()
    {
        var node = JsonNode.Parse(ResultJson.Serialize(Samples.Rich()))!.AsObject();
        node.Remove("adPolicy");
        node.Remove("sceneBoundaryProbabilities");

        Assert.True(Schema.Value.Evaluate(JsonSerializer.SerializeToElement(node)).IsValid);
        var back = ResultJson.Deserialize(node.ToJsonString());
        Assert.Null(back.AdPolicy);
        Assert.Empty(back.SceneBoundaryProbabilities);
    }

    [Theory]
    [InlineData("minScore", "1.5")]
    [InlineData("maxSlotsPerHour", "0")]
    [InlineData("note", "3")]
    [InlineData("unexpected", "true")]
    public void Schema_RejectsBrokenPolicy(string field, string value)
    {
        var node = JsonNode.Parse(ResultJson.Serialize(WithPolicy(null)))!;
        node["adPolicy"]![field] = JsonNode.Parse(value);

        Assert.False(Schema.Value.Evaluate(JsonSerializer.SerializeToElement(node)).IsValid, $"adPolicy.{field} = {value} passed the schema");
    }

    [Fact]
    public void Schema_RejectsProbabilityAboveOne()
    {
        var node = JsonNode.Parse(ResultJson.Serialize(WithPolicy(null)))!;
        node["sceneBoundaryProbabilities"]![0] = 1.5;

        Assert.False(Schema.Value.Evaluate(JsonSerializer.SerializeToElement(node)).IsValid);
    }
}
