using System.Text.Json;
using System.Text.Json.Serialization;

namespace SceneCut.Evaluation.Real;

/// <summary>
/// Hand-checked truth of one real edited video (<c>data/real/NAME.truth.json</c>, the format of
/// <c>shared/data/real/README.md</c>): shot transitions (a cut is the first frame of the new shot; a gradual
/// transition runs from its first changed frame to the first frame wholly of the new shot), ambiguous spans that
/// count neither way, and the first frame of every scene after the first.
/// </summary>
public sealed record RealTruth
{
    /// <summary>Suffix of the truth files.</summary>
    public const string Suffix = ".truth.json";

    /// <summary>The video, relative to the truth file's folder (e.g. <c>media/x.mp4</c>).</summary>
    [JsonPropertyName("video")]
    public required string Video { get; init; }

    /// <summary>Where the video came from: <c>github OWNER/REPO @ COMMIT : PATH …</c>.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = "";

    /// <summary>Nominal frame rate (turns the ±1 s scene tolerance into frames).</summary>
    [JsonPropertyName("fps")]
    public double Fps { get; init; }

    /// <summary>Frames that decode.</summary>
    [JsonPropertyName("frameCount")]
    public int FrameCount { get; init; }

    /// <summary>Cuts and gradual transitions, in any order.</summary>
    [JsonPropertyName("transitions")]
    public IReadOnlyList<RealTransition> Transitions { get; init; } = [];

    /// <summary>Inclusive <c>[first, last]</c> spans where a prediction counts neither way.</summary>
    [JsonPropertyName("ambiguous")]
    public IReadOnlyList<int[]> Ambiguous { get; init; } = [];

    /// <summary>First frame of each scene after the first.</summary>
    [JsonPropertyName("scenes")]
    public IReadOnlyList<int> Scenes { get; init; } = [];

    /// <summary>The name the truth file gives the video (its file name less <see cref="Suffix"/>); set by <see cref="Load"/>.</summary>
    [JsonIgnore]
    public string Name { get; init; } = "";

    /// <summary>The video's full path; set by <see cref="Load"/>.</summary>
    [JsonIgnore]
    public string VideoPath { get; init; } = "";

    /// <summary>
    /// The repository the video came from (<c>OWNER/REPO</c>): the unit of leave-one-source-out, since videos of one
    /// repository share makers, footage and encoding. The whole <see cref="Source"/> when it names no repository.
    /// </summary>
    [JsonIgnore]
    public string Repository
    {
        get
        {
            var words = Source.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length >= 2 && words[1].Contains('/', StringComparison.Ordinal) ? words[1] : Source;
        }
    }

    /// <summary>True when <paramref name="path"/> is in this format rather than the dev clips' (<see cref="TruthFile"/>).</summary>
    public static bool IsRealTruth(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("transitions", out _);
    }

    /// <summary>Every truth file of <paramref name="folder"/>, by name.</summary>
    public static IReadOnlyList<RealTruth> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*" + Suffix).Order(StringComparer.Ordinal).Select(Load).ToList();

    /// <summary>Reads a truth file; the message names the file and what is wrong.</summary>
    /// <exception cref="InvalidDataException">Not a valid truth file.</exception>
    public static RealTruth Load(string path)
    {
        try
        {
            var truth = JsonSerializer.Deserialize<RealTruth>(File.ReadAllText(path)) ?? throw new JsonException("empty document");
            if (truth.Fps <= 0)
            {
                throw new JsonException($"fps must be positive, found {truth.Fps}");
            }

            foreach (var t in truth.Transitions)
            {
                t.Validate();
            }

            if (truth.Ambiguous.Any(a => a.Length != 2 || a[0] > a[1]))
            {
                throw new JsonException("ambiguous spans must be [first, last]");
            }

            var name = Path.GetFileName(path)[..^Suffix.Length];
            return truth with { Name = name, VideoPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, truth.Video)) };
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a valid real-video truth file ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// Each scene start as the frame span it may be reported over: the start itself joined with the true transition
    /// that contains it, starts or ends at it, or ended at most two frames before it (so a fade through black matches
    /// at either end), as <c>score_real.py</c> builds it.
    /// </summary>
    public IReadOnlyList<(int Lo, int Hi)> SceneSpans()
    {
        var spans = new List<(int, int)>(Scenes.Count);
        foreach (var f in Scenes)
        {
            var (lo, hi) = (f, f);
            foreach (var t in Transitions)
            {
                var (s, e) = (t.First, t.Last);
                if ((s <= f && f <= e) || e == f || s == f || (f > e && f - e <= 2))
                {
                    (lo, hi) = (Math.Min(lo, s), Math.Max(hi, e));
                }
            }

            spans.Add((lo, hi));
        }

        return spans;
    }
}
