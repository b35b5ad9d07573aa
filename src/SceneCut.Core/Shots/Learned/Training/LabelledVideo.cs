using SceneCut.Evaluation;
using SceneCut.Evaluation.Real;

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

    /// <summary>Reads one truth file, in either format, through the project's readers of them.</summary>
    public static LabelledVideo Load(string path, string mediaRoot, string defaultSource)
    {
        var name = Path.GetFileName(path)[..^".truth.json".Length];
        if (RealTruth.IsRealTruth(path))
        {
            var real = RealTruth.Load(path);
            return new LabelledVideo(
                name,
                Path.Combine(mediaRoot, real.Video),
                path,
                real.Source.Length > 0 ? real.Repository : defaultSource,
                real.Transitions.Select(t => new TruthSpan(t.First, t.Last, t.IsCut)).OrderBy(t => t.Start).ToList(),
                real.Ambiguous.Select(a => (a[0], a[1])).ToList());
        }

        // The dev clips' format: cuts and [first, last] gradual transitions, single ambiguous frames, no source.
        var dev = TruthFile.Load(path);
        return new LabelledVideo(
            name,
            Path.Combine(mediaRoot, dev.Video),
            path,
            defaultSource,
            dev.Cuts.Select(c => new TruthSpan(c, c, true)).Concat(dev.Gradual.Select(g => new TruthSpan(g[0], g[1], false))).OrderBy(t => t.Start).ToList(),
            dev.Ambiguous.Select(a => (a, a)).ToList());
    }
}
