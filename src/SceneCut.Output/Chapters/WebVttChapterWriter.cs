using System.Globalization;
using System.Text;
using SceneCut.Results;

namespace SceneCut.Output.Chapters;

/// <summary>WebVTT chapters, one cue per scene: load with <c>&lt;track kind="chapters"&gt;</c>.</summary>
internal sealed class WebVttChapterWriter : IResultWriter
{
    public string Format => OutputFormats.Vtt;

    public string FileExtension => ".chapters.vtt";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync("WEBVTT").ConfigureAwait(false);
            foreach (var chapter in ChapterList.From(document))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var start = ChapterList.Milliseconds(chapter.StartSeconds);
                // WebVTT requires end > start.
                var end = Math.Max(start + 1, ChapterList.Milliseconds(chapter.EndSeconds));
                await writer.WriteLineAsync().ConfigureAwait(false);
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"chapter-{chapter.Number}")).ConfigureAwait(false);
                await writer.WriteLineAsync($"{Timestamp(start)} --> {Timestamp(end)}").ConfigureAwait(false);
                await writer.WriteLineAsync(EscapeCueText(chapter.Title)).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary><c>hh:mm:ss.ttt</c>; hours grow past 99 for very long videos, which WebVTT allows.</summary>
    internal static string Timestamp(long milliseconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 3_600_000:00}:{milliseconds / 60_000 % 60:00}:{milliseconds / 1000 % 60:00}.{milliseconds % 1000:000}");

    /// <summary>Cue text may not hold <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> raw, nor <c>--&gt;</c> or a blank line (which ends the cue).</summary>
    internal static string EscapeCueText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace('\r', ' ')
            .Replace('\n', ' ');
}
