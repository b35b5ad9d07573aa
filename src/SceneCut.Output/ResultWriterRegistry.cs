using SceneCut.Output.AdCues;
using SceneCut.Output.Chapters;
using SceneCut.Output.Csv;
using SceneCut.Output.Dai;
using SceneCut.Output.Dash;
using SceneCut.Output.Edl;
using SceneCut.Output.Hls;
using SceneCut.Output.Html;
using SceneCut.Output.Json;
using SceneCut.Output.KeyFrames;
using SceneCut.Output.Scte35;

namespace SceneCut.Output;

/// <summary>Maps format names (<c>--format json,csv,…</c>) to writers.</summary>
public sealed class ResultWriterRegistry
{
    private readonly Dictionary<string, IResultWriter> _writers;

    /// <summary>A registry of <paramref name="writers"/>; names must be unique (case-insensitive).</summary>
    public ResultWriterRegistry(IEnumerable<IResultWriter> writers)
    {
        _writers = new Dictionary<string, IResultWriter>(StringComparer.OrdinalIgnoreCase);
        foreach (var writer in writers)
        {
            if (!_writers.TryAdd(writer.Format, writer))
            {
                throw new ArgumentException($"Two writers are named '{writer.Format}'.", nameof(writers));
            }
        }

        Formats = [.. _writers.Keys];
    }

    /// <summary>Every built-in format.</summary>
    public static ResultWriterRegistry Default { get; } = new(
    [
        new JsonResultWriter(),
        new CsvResultWriter(),
        new EdlResultWriter(),
        new FfmetadataChapterWriter(),
        new WebVttChapterWriter(),
        new CueListWriter(),
        new VmapWriter(),
        new HtmlReportWriter(),
        new Scte35MarkerWriter(),
        new HlsPlaylistWriter(),
        new DashEventStreamWriter(),
        new DaiCuePointWriter(),
        new KeyFrameListWriter(),
    ]);

    /// <summary>Format names, in registration order.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>True when <paramref name="format"/> names a writer.</summary>
    public bool Contains(string format) => _writers.ContainsKey(format.Trim());

    /// <summary>The writer of <paramref name="format"/>.</summary>
    public IResultWriter Get(string format) =>
        _writers.TryGetValue(format.Trim(), out var writer)
            ? writer
            : throw new ArgumentException($"Unknown output format '{format}'; known: {string.Join(", ", Formats)}.", nameof(format));

    /// <summary>The writers of a comma list like <c>json,csv</c> (repeats dropped); the error names every unknown format.</summary>
    public IReadOnlyList<IResultWriter> Resolve(IEnumerable<string> formats)
    {
        var names = formats
            .SelectMany(f => f.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var unknown = names.Where(n => !Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown output format{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}; known: {string.Join(", ", Formats)}.", nameof(formats));
        }

        return names.Count == 0 ? [Get(OutputFormats.Json)] : names.Select(Get).ToList();
    }
}
