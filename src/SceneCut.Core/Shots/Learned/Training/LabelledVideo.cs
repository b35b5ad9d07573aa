using System.Text.Json;

namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// A video with hand-checked transitions, read from a truth file of <c>data/real</c> (<c>transitions</c>, <c>ambiguous</c>
/// spans, <c>source</c> naming the repository) or of <c>data/truth</c> (<c>cuts</c>, <c>gradual</c>, ambiguous frames).
/// </summary>
/// <param name="Name">File name without <c>.truth.json</c>.</param>
/// <param name="MediaPath">The video.</param>
/// <param name="TruthPath">The truth file.</param>
/// <param name="Source">Where the video came from (the repository for <c>data/real</c>): the unit left out together.</param>
/// <param name="Transitions">True transitions in frame order.</param>
/// <param name="Ambiguous">Inclusive spans that count neither way.</param>
public sealed record LabelledVideo(string Name, string MediaPath, string TruthPath, string Source,
    IReadOnlyList<TruthSpan> Transitions, IReadOnlyList<(int Start, int End)> Ambiguous)
{
    /// <summary>Every <c>*.truth.json</c> of <paramref name="folder"/> whose video exists, by name.</summary>
    /// <param name="folder">A truth folder.</param>
    /// <param name="mediaRoot">What the truth files' <c>video</c> paths are relative to (the folder itself for <c>data/real</c>, its parent for <c>data/truth</c>).</param>
    /// <param name="defaultSource">Source of files that name none.</param>
    public static IReadOnlyList<LabelledVideo> LoadFolder(string folder, string mediaRoot, string defaultSource)
    {
        var videos = new List<LabelledVideo>();
        foreach (var path in Directory.GetFiles(folder, "*.truth.json").Order(StringComparer.Ordinal))
        {
            var video = Load(path, mediaRoot, defaultSource);
            if (File.Exists(video.MediaPath))
            {
                videos.Add(video);
            }
        }

        return videos;
    }

    /// <summary>Reads one truth file.</summary>
    public static LabelledVideo Load(string path, string mediaRoot, string defaultSource)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var name = Path.GetFileName(path)[..^".truth.json".Length];
        var media = Path.Combine(mediaRoot, root.GetProperty("video").GetString()!);
        var transitions = new List<TruthSpan>();
        var ambiguous = new List<(int, int)>();
        if (root.TryGetProperty("transitions", out var list))
        {
            foreach (var t in list.EnumerateArray())
            {
                transitions.Add(t.GetProperty("type").GetString() == "cut"
                    ? new TruthSpan(t.GetProperty("frame").GetInt32(), t.GetProperty("frame").GetInt32(), true)
                    : new TruthSpan(t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32(), false));
            }
        }
        else
        {
            foreach (var cut in Array(root, "cuts"))
            {
                transitions.Add(new TruthSpan(cut.GetInt32(), cut.GetInt32(), true));
            }

            foreach (var g in Array(root, "gradual"))
            {
                transitions.Add(new TruthSpan(g[0].GetInt32(), g[1].GetInt32(), false));
            }
        }

        foreach (var a in Array(root, "ambiguous"))
        {
            // data/real: [start, end] spans; data/truth: single frames.
            ambiguous.Add(a.ValueKind == JsonValueKind.Array ? (a[0].GetInt32(), a[1].GetInt32()) : (a.GetInt32(), a.GetInt32()));
        }

        var source = root.TryGetProperty("source", out var s) && s.GetString() is { } text ? SourceRepository(text) : defaultSource;
        return new LabelledVideo(name, media, path, source, transitions.OrderBy(t => t.Start).ToList(), ambiguous);
    }

    // "github owner/name @ commit : path ..." → "owner/name".
    private static string SourceRepository(string source)
    {
        var parts = source.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 && parts[0] == "github" ? parts[1] : source;
    }

    private static IEnumerable<JsonElement> Array(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
}
