using System.Text;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.Chapters;

/// <summary>
/// FFmpeg metadata (<c>;FFMETADATA1</c>) with one <c>[CHAPTER]</c> per scene in milliseconds; mux it with
/// <c>ffmpeg -i video -i x.ffmetadata -map 0 -map_metadata 1 -map_chapters 1 -c copy out.mp4</c>.
/// </summary>
internal sealed class FfmetadataChapterWriter : IResultWriter
{
    public string Format => OutputFormats.Chapters;

    public string FileExtension => ".ffmetadata";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(";FFMETADATA1").ConfigureAwait(false);
            await writer.WriteLineAsync("title=" + Escape(VideoClock.FileName(document.Video))).ConfigureAwait(false);
            foreach (var chapter in ChapterList.From(document))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = ChapterList.Milliseconds(chapter.StartSeconds);
                // A chapter must not end before it starts; a zero-length scene still gets one millisecond.
                var end = Math.Max(start + 1, ChapterList.Milliseconds(chapter.EndSeconds));
                await writer.WriteLineAsync().ConfigureAwait(false);
                await writer.WriteLineAsync("[CHAPTER]").ConfigureAwait(false);
                await writer.WriteLineAsync("TIMEBASE=1/1000").ConfigureAwait(false);
                await writer.WriteLineAsync("START=" + Invariant.Int(start)).ConfigureAwait(false);
                await writer.WriteLineAsync("END=" + Invariant.Int(end)).ConfigureAwait(false);
                await writer.WriteLineAsync("title=" + Escape(chapter.Title)).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>FFmpeg's rule: <c>=</c>, <c>;</c>, <c>#</c>, <c>\</c> and newlines in a value take a backslash.</summary>
    internal static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (c is '=' or ';' or '#' or '\\' or '\n' or '\r')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
