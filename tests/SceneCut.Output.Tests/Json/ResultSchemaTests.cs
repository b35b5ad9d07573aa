using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests.Json;

/// <summary>Every document the JSON writer produces validates against the published schema, and the schema is not vacuous.</summary>
public sealed class ResultSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromFile(Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "result-v1.schema.json")));

    public static TheoryData<string> SampleNames => new() { "empty", "one-shot", "rich-2997", "rich-23976", "rich-vfr", "two-hour" };

    [Theory]
    [MemberData(nameof(SampleNames))]
    public async Task WrittenJson_ValidatesAgainstSchema(string name)
    {
        var document = name switch
        {
            "empty" => Samples.Empty(),
            "one-shot" => Samples.OneShot(),
            "rich-2997" => Samples.Rich(),
            "rich-23976" => Samples.Rich(24000.0 / 1001),
            "rich-vfr" => Samples.Rich(variableFrameRate: true),
            _ => Samples.TwoHourFilm(),
        };

        var json = await Writers.WriteAsync(OutputFormats.Json, document);

        AssertValid(json);
        Assert.Equal(document.Shots.Count, ResultJson.Deserialize(json).Shots.Count);
    }

    [SharedDataFact]
    public async Task RealDetection_ValidatesAgainstSchema()
    {
        var document = await RealDocument.TestVideoAsync();

        AssertValid(await Writers.WriteAsync(OutputFormats.Json, document));
    }

    [Theory]
    [InlineData("/schemaVersion", "2")]
    [InlineData("/shots/0/transitionIn", "{\"kind\":\"wipe\",\"startFrame\":0,\"endFrame\":0,\"startSeconds\":0,\"endSeconds\":0,\"score\":1}")]
    [InlineData("/adSlots/0/timecode", "\"1:00\"")]
    [InlineData("/scenes/0/boundaryScore", "1.5")]
    [InlineData("/video/unexpected", "true")]
    public async Task Schema_RejectsBrokenDocuments(string pointer, string value)
    {
        var node = JsonNode.Parse(await Writers.WriteAsync(OutputFormats.Json, Samples.Rich()))!;
        var cut = pointer.LastIndexOf('/');
        var parent = Resolve(node, pointer[..cut]);
        parent[pointer[(cut + 1)..]] = JsonNode.Parse(value);

        var result = Schema.Value.Evaluate(Element(node), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.False(result.IsValid, $"{pointer} = {value} passed the schema");
    }

    [Fact]
    public async Task Schema_RejectsMissingRequiredField()
    {
        var node = JsonNode.Parse(await Writers.WriteAsync(OutputFormats.Json, Samples.Rich()))!.AsObject();
        node.Remove("processing");

        Assert.False(Schema.Value.Evaluate(Element(node)).IsValid);
    }

    private static void AssertValid(string json)
    {
        var result = Schema.Value.Evaluate(Element(JsonNode.Parse(json)!), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    private static JsonElement Element(JsonNode node) => JsonSerializer.SerializeToElement(node);

    private static JsonNode Resolve(JsonNode node, string pointer)
    {
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = int.TryParse(part, out var index) ? node[index]! : node[part]!;
        }

        return node;
    }
}
