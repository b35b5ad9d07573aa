using SceneCut.Results;

namespace SceneCut.Output;

/// <summary>Turns a result document into one output format. Writers read the document only; detection never sees them.</summary>
public interface IResultWriter
{
    /// <summary>The name used in <c>--format</c> and <c>SceneCut:Output:Formats</c>, e.g. <c>csv</c>.</summary>
    string Format { get; }

    /// <summary>What follows the base name of the output file, dot included, e.g. <c>.chapters.vtt</c>.</summary>
    string FileExtension { get; }

    /// <summary>Writes <paramref name="document"/> to <paramref name="output"/> (which the caller owns and closes).</summary>
    Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken);
}
