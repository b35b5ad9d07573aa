using System.Text;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.Csv;

/// <summary>
/// RFC 4180 CSV (header row, CRLF, UTF-8 without BOM): one row per shot, scene, black segment and ad slot, told apart
/// by <c>kind</c>. Frames are 0-based; an end frame is the last frame; end seconds and end timecode are where the
/// next frame starts, so <c>duration = end − start</c>.
/// </summary>
internal sealed class CsvResultWriter : IResultWriter
{
    public const string ShotKind = "shot";
    public const string SceneKind = "scene";
    public const string BlackKind = "black";
    public const string AdSlotKind = "ad-slot";

    // Several reasons in one field: ';' never appears in reason names and keeps the field unquoted.
    private const string ReasonSeparator = ";";

    public string Format => OutputFormats.Csv;

    public string FileExtension => ".csv";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var video = document.Video;
        // The file name is quoted in every row: it is untrusted, and a quoted field is text to every CSV reader.
        var name = CsvField.Quote(VideoClock.FileName(video), alwaysQuote: true);
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(string.Join(',', CsvColumns.All)).ConfigureAwait(false);
            foreach (var shot in document.Shots)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var transition = shot.TransitionIn;
                await writer.WriteLineAsync(Row(
                    ShotKind, shot.Index, shot.StartFrame, shot.EndFrame, shot.StartSeconds, shot.EndSeconds, video,
                    transition?.Kind ?? "", transition is null ? "" : Invariant.Score(transition.Score), "", "", "", name)).ConfigureAwait(false);
            }

            foreach (var scene in document.Scenes)
            {
                await writer.WriteLineAsync(Row(
                    SceneKind, scene.Index, scene.StartFrame, scene.EndFrame, scene.StartSeconds, scene.EndSeconds, video,
                    "", Invariant.Score(scene.BoundaryScore), Invariant.Int(scene.FirstShot), Invariant.Int(scene.LastShot), "", name)).ConfigureAwait(false);
            }

            for (var i = 0; i < document.BlackSegments.Count; i++)
            {
                var black = document.BlackSegments[i];
                await writer.WriteLineAsync(Row(
                    BlackKind, i, black.StartFrame, black.EndFrame, black.StartSeconds, black.EndSeconds, video,
                    "", "", "", "", "", name)).ConfigureAwait(false);
            }

            for (var i = 0; i < document.AdSlots.Count; i++)
            {
                var slot = document.AdSlots[i];
                var reasons = CsvField.Quote(string.Join(ReasonSeparator, slot.Reasons), alwaysQuote: true);
                // A slot is a point in time: it starts and ends on the frame the programme resumes on.
                await writer.WriteLineAsync(Row(
                    AdSlotKind, i, slot.Frame, slot.Frame, slot.Seconds, slot.Seconds, video,
                    "", Invariant.Score(slot.Score), "", "", reasons, name, pointInTime: true)).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Row(
        string kind, int index, int startFrame, int endFrame, double startSeconds, double endSeconds, VideoSection video,
        string transition, string score, string firstShot, string lastShot, string reasons, string name, bool pointInTime = false)
    {
        var endTimecode = VideoClock.TimecodeOf(video, pointInTime ? startFrame : endFrame + 1L);
        return string.Join(',',
            kind,
            Invariant.Int(index),
            Invariant.Int(startFrame),
            Invariant.Int(endFrame),
            Invariant.Seconds(startSeconds),
            Invariant.Seconds(endSeconds),
            Invariant.Seconds(endSeconds - startSeconds),
            VideoClock.TimecodeOf(video, startFrame).ToString(),
            endTimecode.ToString(),
            transition,
            score,
            firstShot,
            lastShot,
            reasons,
            name);
    }
}
