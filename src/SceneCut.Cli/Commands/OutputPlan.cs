using System.ComponentModel.DataAnnotations;
using System.Text;
using SceneCut.Output;
using SceneCut.Results;

namespace SceneCut.Cli.Commands;

/// <summary>
/// Which formats <c>detect</c> writes and where: with <c>-o x.json</c> the JSON goes to <c>x.json</c> and each other
/// format beside it (<c>x.csv</c>, <c>x.chapters.vtt</c>, …); with <c>--out-dir d</c> into <c>d/&lt;video name&gt;.*</c>
/// (the folder is made when missing); with neither, JSON alone to stdout. Rendering and writing is the
/// <see cref="ResultSink"/>'s, the same as for <c>batch</c> and the worker.
/// </summary>
public sealed class OutputPlan
{
    private readonly ResultSink _sink;
    private readonly IReadOnlyList<IResultWriter> _writers;
    private readonly string? _outputPath;
    private readonly string? _outDir;
    private readonly string? _basePath;

    private OutputPlan(ResultSink sink, IReadOnlyList<IResultWriter> writers, string? outputPath, string? outDir, string? basePath)
    {
        _sink = sink;
        _writers = writers;
        _outputPath = outputPath;
        _outDir = outDir;
        _basePath = basePath;
    }

    /// <summary>True when the result goes to stdout as JSON (no -o, no --out-dir, formats json only).</summary>
    public bool ToStandardOutput => _basePath is null;

    /// <summary>
    /// Validates the options and the destinations; throws <see cref="ValidationException"/> naming what is wrong.
    /// <paramref name="hlsPlaylist"/> (<c>--hls</c>) adds the <c>hls</c> format, conditioning that playlist.
    /// </summary>
    public static OutputPlan Create(OutputOptions options, string? formats, string? outputPath, DirectoryInfo? outDir, string videoPath, FileInfo? hlsPlaylist = null)
    {
        if (formats is not null)
        {
            options.Formats = [.. formats.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        if (hlsPlaylist is not null)
        {
            // A full path: a relative HlsPlaylist setting is read from the video's folder, --hls from the current one.
            options.HlsPlaylist = hlsPlaylist.FullName;
            options.Formats = [.. options.EffectiveFormats.Append(OutputFormats.Hls).Distinct()];
            if (!hlsPlaylist.Exists)
            {
                throw new ValidationException($"--hls {hlsPlaylist.FullName}: the playlist does not exist.");
            }
        }

        var sink = new ResultSink(options);
        var writers = sink.Resolve(options.EffectiveFormats);
        if (outputPath is not null && outDir is not null)
        {
            throw new ValidationException("Give -o or --out-dir, not both.");
        }

        var basePath = outputPath is not null ? OutputPaths.BaseFromOutputPath(outputPath, sink.Registry)
            : outDir is not null ? OutputPaths.BaseInDirectory(outDir.FullName, videoPath)
            : null;
        if (basePath is null && writers.Any(w => w.Format != OutputFormats.Json))
        {
            throw new ValidationException(
                $"--format {string.Join(",", writers.Select(w => w.Format))} writes files: give -o <file> or --out-dir <folder> (only json can go to stdout).");
        }

        return new OutputPlan(sink, writers, outputPath, outDir?.FullName, basePath);
    }

    /// <summary>The result document as <c>detect</c> prints it on stdout: the JSON format's bytes, as text.</summary>
    public async Task<string> RenderJsonAsync(ResultDocument result, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await _sink.RenderAsync(_sink.Registry.Get(OutputFormats.Json), result, cancellationToken).ConfigureAwait(false));

    /// <summary>Writes every format, each atomically; returns the paths written.</summary>
    public async Task<IReadOnlyList<string>> WriteAsync(ResultDocument result, CancellationToken cancellationToken)
    {
        if (_outDir is not null)
        {
            // A user naming a folder expects it made (-o, a file, still needs its folder: a typo there is caught).
            try
            {
                Directory.CreateDirectory(_outDir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new OutputNotWritableException(_outDir, ex.Message, ex);
            }
        }

        // -o names the JSON file exactly; every other file takes the base name and its format's extension.
        return await _sink.WriteAsync(
            result,
            _writers,
            writer => writer.Format == OutputFormats.Json && _outputPath is not null ? _outputPath : OutputPaths.For(_basePath!, writer),
            WriteFileAsync,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes <paramref name="content"/> atomically; a failure becomes <see cref="OutputNotWritableException"/> (exit code 8) naming the file.</summary>
    public static async Task WriteFileAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        if (!Directory.Exists(directory))
        {
            throw new OutputNotWritableException(path, $"folder {directory} does not exist", null);
        }

        try
        {
            await AtomicFile.WriteAllBytesAsync(path, content, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new OutputNotWritableException(path, ex.Message, ex);
        }
    }
}
