using System.ComponentModel.DataAnnotations;
using System.Text;
using SceneCut.Output;
using SceneCut.Output.Html;
using SceneCut.Results;

namespace SceneCut.Cli.Commands;

/// <summary>
/// Which formats <c>detect</c> writes and where: with <c>-o x.json</c> the JSON goes to <c>x.json</c> and each other
/// format beside it (<c>x.csv</c>, <c>x.chapters.vtt</c>, …); with <c>--out-dir d</c> into <c>d/&lt;video name&gt;.*</c>;
/// with neither, JSON alone to stdout.
/// </summary>
public sealed class OutputPlan
{
    private readonly OutputOptions _options;
    private readonly IReadOnlyList<IResultWriter> _writers;
    private readonly string? _outputPath;
    private readonly string? _basePath;

    private OutputPlan(OutputOptions options, IReadOnlyList<IResultWriter> writers, string? outputPath, string? basePath)
    {
        _options = options;
        _writers = writers;
        _outputPath = outputPath;
        _basePath = basePath;
    }

    /// <summary>True when the result goes to stdout as JSON (no -o, no --out-dir, formats json only).</summary>
    public bool ToStandardOutput => _basePath is null;

    /// <summary>Validates the options and the destinations; throws <see cref="ValidationException"/> naming what is wrong.</summary>
    public static OutputPlan Create(OutputOptions options, string? formats, string? outputPath, DirectoryInfo? outDir, string videoPath)
    {
        if (formats is not null)
        {
            options.Formats = [.. formats.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        options.Validate();
        var writers = ResultWriterRegistry.Default.Resolve(options.EffectiveFormats);
        if (outputPath is not null && outDir is not null)
        {
            throw new ValidationException("Give -o or --out-dir, not both.");
        }

        var basePath = outputPath is not null ? OutputPaths.BaseFromOutputPath(outputPath, ResultWriterRegistry.Default)
            : outDir is not null ? OutputPaths.BaseInDirectory(outDir.FullName, videoPath)
            : null;
        if (basePath is null && writers.Any(w => w.Format != OutputFormats.Json))
        {
            throw new ValidationException(
                $"--format {string.Join(",", writers.Select(w => w.Format))} writes files: give -o <file> or --out-dir <folder> (only json can go to stdout).");
        }

        return new OutputPlan(options, writers, outputPath, basePath);
    }

    /// <summary>Writes every format, each atomically; returns the paths written.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(ResultDocument result, string videoPath, CancellationToken cancellationToken)
    {
        var written = new List<string>();
        foreach (var writer in _writers)
        {
            // -o names the JSON file exactly; every other file takes the base name and its format's extension.
            var target = writer.Format == OutputFormats.Json && _outputPath is not null ? _outputPath : OutputPaths.For(_basePath!, writer);
            var context = new WriterContext(_options, writer.Format == OutputFormats.Html ? new OpenCvThumbnailSource(videoPath) : null);
            using var buffer = new MemoryStream();
            await writer.WriteAsync(result, buffer, context, cancellationToken).ConfigureAwait(false);
            // Every format is UTF-8 text; AtomicFile writes it back as UTF-8 without a BOM, byte for byte.
            await AtomicFile.WriteAllTextAsync(target, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), cancellationToken).ConfigureAwait(false);
            written.Add(target);
        }

        return written;
    }
}
