using SceneCut.Output.Hls;
using SceneCut.Output.Html;
using SceneCut.Results;

namespace SceneCut.Output;

/// <summary>
/// The one way results leave SceneCut: each asked-for format rendered with the configured <see cref="OutputOptions"/>
/// and written atomically. <c>detect</c>, <c>batch</c>, the worker and scale-out all write through it; only where the
/// files go (and how a write is retried) differs between them.
/// </summary>
public sealed class ResultSink
{
    /// <summary>A sink rendering with <paramref name="options"/> (validated here) and the writers of <paramref name="registry"/> (default: every built-in format).</summary>
    public ResultSink(OutputOptions options, ResultWriterRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Registry = registry ?? ResultWriterRegistry.Default;
    }

    /// <summary>The options every format is rendered with.</summary>
    public OutputOptions Options { get; }

    /// <summary>The writers by format name.</summary>
    public ResultWriterRegistry Registry { get; }

    /// <summary>The writers of <paramref name="formats"/> (comma lists allowed, repeats dropped); json when none.</summary>
    public IReadOnlyList<IResultWriter> Resolve(IEnumerable<string> formats) => Registry.Resolve(formats);

    /// <summary>
    /// The whole file <paramref name="writer"/> makes of <paramref name="document"/>, times rounded to the microsecond.
    /// The HTML report takes its thumbnails from the document's video when that file is at hand.
    /// </summary>
    public async Task<byte[]> RenderAsync(IResultWriter writer, ResultDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(document);
        // Every format reads the same rounded times, so a CSV duration agrees with the JSON's start and end.
        var rounded = ResultTimes.Round(document);
        var thumbnails = writer.Format == OutputFormats.Html && File.Exists(document.Video.Path) ? new OpenCvThumbnailSource(document.Video.Path) : null;
        using var buffer = new MemoryStream();
        await writer.WriteAsync(rounded, buffer, new WriterContext(Options, thumbnails), cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    /// <summary>
    /// <paramref name="document"/> as every format of <paramref name="writers"/> should see it: when a conditioned HLS
    /// playlist is among them, <c>processing.warnings</c> names each slot that falls mid-segment and by how much, so the
    /// result document says what the playlist could not.
    /// </summary>
    public async Task<ResultDocument> AnnotateAsync(ResultDocument document, IReadOnlyList<IResultWriter> writers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(writers);
        if (!writers.Any(w => w.Format == OutputFormats.Hls) || document.AdSlots.Count == 0)
        {
            return document;
        }

        var conditioning = await HlsPlaylistWriter.ConditionAsync(document, Options, cancellationToken).ConfigureAwait(false);
        // Only notes not already there: a document read back from a run that had them is annotated once.
        var notes = conditioning.Warnings(Path.GetFileName(HlsPlaylistWriter.PlaylistPath(document, Options)))
            .Where(n => !document.Processing.Warnings.Contains(n))
            .ToList();
        return notes.Count == 0 ? document : document with { Processing = document.Processing with { Warnings = [.. document.Processing.Warnings, .. notes] } };
    }

    /// <summary>Renders each of <paramref name="writers"/> and writes it atomically to <paramref name="pathFor"/>; returns the paths in order.</summary>
    public Task<IReadOnlyList<string>> WriteAsync(
        ResultDocument document, IReadOnlyList<IResultWriter> writers, Func<IResultWriter, string> pathFor, CancellationToken cancellationToken) =>
        WriteAsync(document, writers, pathFor, AtomicFile.WriteAllBytesAsync, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(ResultDocument, IReadOnlyList{IResultWriter}, Func{IResultWriter, string}, CancellationToken)"/>,
    /// with <paramref name="writeFile"/> doing each write (the worker wraps <see cref="AtomicFile"/> in its retry and circuit breaker).
    /// </summary>
    public async Task<IReadOnlyList<string>> WriteAsync(
        ResultDocument document,
        IReadOnlyList<IResultWriter> writers,
        Func<IResultWriter, string> pathFor,
        Func<string, ReadOnlyMemory<byte>, CancellationToken, Task> writeFile,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writers);
        ArgumentNullException.ThrowIfNull(pathFor);
        ArgumentNullException.ThrowIfNull(writeFile);
        var written = new List<string>(writers.Count);
        document = await AnnotateAsync(document, writers, cancellationToken).ConfigureAwait(false);
        foreach (var writer in writers)
        {
            // The path first: a path the layout refuses costs no rendering.
            var path = pathFor(writer);
            var content = await RenderAsync(writer, document, cancellationToken).ConfigureAwait(false);
            await writeFile(path, content, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }
}
