namespace SceneCut.Results;

/// <summary>
/// The result of analysing one video: what every writer reads. Version 1; later versions may add fields but never
/// rename or remove these. The JSON Schema is <c>docs/schema/result-v1.schema.json</c>.
/// </summary>
public sealed record ResultDocument
{
    /// <summary>The version of this document's shape.</summary>
    public const int CurrentSchemaVersion = 1;

    private readonly IReadOnlyList<double> _sceneBoundaryProbabilities = [];

    /// <summary>Always <see cref="CurrentSchemaVersion"/> for documents this build writes.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The analysed video.</summary>
    public required VideoSection Video { get; init; }

    /// <summary>Shots in order, covering every decoded frame.</summary>
    public required IReadOnlyList<ShotEntry> Shots { get; init; }

    /// <summary>Runs of black frames.</summary>
    public required IReadOnlyList<BlackSegmentEntry> BlackSegments { get; init; }

    /// <summary>Semantic scenes (groups of shots); empty until the scene model runs.</summary>
    public IReadOnlyList<SceneEntry> Scenes { get; init; } = [];

    /// <summary>Where an ad break can go; empty until the scene model and ad policy run.</summary>
    public IReadOnlyList<AdSlotEntry> AdSlots { get; init; } = [];

    /// <summary>
    /// Per shot, the probability that a new scene starts there (index 0 is the first shot, whose scene always starts);
    /// empty until the scene model runs. What <c>scenecut eval --scenes</c> computes AP from.
    /// </summary>
    public IReadOnlyList<double> SceneBoundaryProbabilities
    {
        get => _sceneBoundaryProbabilities;
        // The source-generated reader sets every init property, null when the field is absent (documents written
        // before it existed): read that as "none".
        init => _sceneBoundaryProbabilities = value ?? [];
    }

    /// <summary>The ad policy <see cref="ResultDocument.AdSlots"/> were chosen under, and why there are none or few; null until it runs.</summary>
    public AdPolicySection? AdPolicy { get; init; }

    /// <summary>How the analysis ran.</summary>
    public required ProcessingSection Processing { get; init; }
}
