using System.Text.Json;
using System.Text.Json.Serialization;

namespace SceneCut.Evaluation.Real;

/// <summary>One true transition of a <see cref="RealTruth"/>: <c>{"type": "cut", "frame": F}</c> or <c>{"type": "gradual", "start": S, "end": E}</c>.</summary>
public sealed record RealTransition
{
    /// <summary><c>cut</c> or <c>gradual</c>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>A cut's first frame of the new shot.</summary>
    [JsonPropertyName("frame")]
    public int? Frame { get; init; }

    /// <summary>A gradual transition's first changed frame.</summary>
    [JsonPropertyName("start")]
    public int? Start { get; init; }

    /// <summary>A gradual transition's first frame wholly of the new shot.</summary>
    [JsonPropertyName("end")]
    public int? End { get; init; }

    /// <summary>What kind of gradual transition (dissolve, dip to black, wipe …).</summary>
    [JsonPropertyName("note")]
    public string? Note { get; init; }

    /// <summary>True for a cut.</summary>
    [JsonIgnore]
    public bool IsCut => Type == "cut";

    /// <summary>First frame of the interval (a cut's one frame).</summary>
    [JsonIgnore]
    public int First => IsCut ? Frame!.Value : Start!.Value;

    /// <summary>Last frame of the interval.</summary>
    [JsonIgnore]
    public int Last => IsCut ? Frame!.Value : End!.Value;

    internal void Validate()
    {
        var ok = Type switch
        {
            "cut" => Frame is >= 0,
            "gradual" => Start is >= 0 && End is { } e && e >= Start,
            _ => false,
        };
        if (!ok)
        {
            throw new JsonException($"a transition must be {{\"type\": \"cut\", \"frame\": F}} or {{\"type\": \"gradual\", \"start\": S, \"end\": E ≥ S}}, found type '{Type}'");
        }
    }
}
