using System.Text.Json;
using System.Text.Json.Serialization;

namespace SceneCut.Evaluation;

/// <summary>
/// Frame-accurate truth for one clip (<c>*.truth.json</c>, snake_case, the format of <c>shared/data/README.md</c>):
/// cuts are the first frame of each new shot, gradual transitions are <c>[first, last]</c>.
/// </summary>
public sealed record TruthFile
{
    /// <summary>The clip, relative to the truth folder's parent (e.g. <c>clips/x.mp4</c>).</summary>
    [JsonPropertyName("video")]
    public required string Video { get; init; }

    /// <summary>Frames that actually decode.</summary>
    [JsonPropertyName("frame_count")]
    public int FrameCount { get; init; }

    /// <summary>Nominal frame rate.</summary>
    [JsonPropertyName("fps")]
    public double Fps { get; init; }

    /// <summary>First frame of every new shot after a hard cut.</summary>
    [JsonPropertyName("cuts")]
    public IReadOnlyList<int> Cuts { get; init; } = [];

    /// <summary><c>[first, last]</c> of every fade or dissolve.</summary>
    [JsonPropertyName("gradual")]
    public IReadOnlyList<int[]> Gradual { get; init; } = [];

    /// <summary>Frames where a boundary may or may not be reported; predictions there count neither way.</summary>
    [JsonPropertyName("ambiguous")]
    public IReadOnlyList<int> Ambiguous { get; init; } = [];

    /// <summary>Frames that must not be reported (e.g. flash frames).</summary>
    [JsonPropertyName("distractors")]
    public IReadOnlyList<int> Distractors { get; init; } = [];

    /// <summary>
    /// First frame of each new scene (scene truth; the first scene's start at frame 0 is implied and ignored). Null when
    /// the file has no scene truth, empty when the whole clip is one scene.
    /// </summary>
    [JsonPropertyName("scene_starts")]
    public IReadOnlyList<int>? SceneStarts { get; init; }

    /// <summary>First frames of shots that continue the scene before them (shot boundaries inside a scene).</summary>
    [JsonPropertyName("not_scene_boundaries")]
    public IReadOnlyList<int> NotSceneBoundaries { get; init; } = [];

    /// <summary>True when the file says where scenes start.</summary>
    [JsonIgnore]
    public bool HasSceneTruth => SceneStarts is not null;

    /// <summary>Reads a truth file; the message names the file when it is not one.</summary>
    public static TruthFile Load(string path)
    {
        try
        {
            var truth = JsonSerializer.Deserialize<TruthFile>(File.ReadAllText(path))
                ?? throw new JsonException("empty document");
            foreach (var g in truth.Gradual)
            {
                if (g.Length != 2 || g[0] > g[1])
                {
                    throw new JsonException($"gradual entries must be [first, last], found [{string.Join(", ", g)}]");
                }
            }

            var starts = truth.SceneStarts ?? [];
            if (starts.Concat(truth.NotSceneBoundaries).Any(f => f < 0))
            {
                throw new JsonException("scene_starts and not_scene_boundaries are frame numbers ≥ 0");
            }

            var both = starts.Intersect(truth.NotSceneBoundaries).Order().ToList();
            if (both.Count > 0)
            {
                throw new JsonException($"frame {both[0]} is both a scene start and not a scene boundary");
            }

            return truth;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid truth file ({ex.Message})", ex);
        }
    }

    /// <summary>The truth transitions, leaving out those marked ambiguous.</summary>
    public IReadOnlyList<BoundaryInterval> Boundaries() =>
        Cuts.Where(c => !Ambiguous.Contains(c)).Select(c => new BoundaryInterval(c, c, BoundaryCategory.Cut))
            .Concat(Gradual.Select(g => new BoundaryInterval(g[0], g[1], BoundaryCategory.Gradual)))
            .OrderBy(b => b.Start)
            .ToList();
}
