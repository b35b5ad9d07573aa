using System.Text.Json;
using SceneCut.Results;

namespace SceneCut.Output.AdCues;

/// <summary>
/// Ad-slot cue list as JSON: per slot the frame, seconds, SMPTE timecode and 33-bit 90 kHz PTS — what a packager
/// needs to place a SCTE-35 <c>time_signal</c> (or <c>splice_insert</c>) on the slot's frame. The PTS is relative to
/// the video's own timeline; a packager adds its stream's PTS offset.
/// </summary>
internal sealed class CueListWriter : IResultWriter
{
    /// <summary>Identifies the document for readers.</summary>
    public const string DocumentType = "scenecut-ad-cues";

    /// <summary>The version of this cue list's shape.</summary>
    public const int Version = 1;

    public string Format => OutputFormats.Cues;

    public string FileExtension => ".cues.json";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var video = document.Video;
        var fps = VideoClock.Fps(video);
        var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("type", DocumentType);
            json.WriteNumber("version", Version);
            json.WriteString("video", VideoClock.FileName(video));
            json.WriteNumber("fps", fps);
            json.WriteBoolean("dropFrame", Timecode.IsDropFrameRate(fps));
            json.WriteNumber("ptsClock", Pts90k.Clock);
            json.WriteString("spliceCommand", "time_signal");
            json.WriteStartArray("cues");
            for (var i = 0; i < document.AdSlots.Count; i++)
            {
                var slot = document.AdSlots[i];
                json.WriteStartObject();
                json.WriteNumber("index", i + 1);
                json.WriteNumber("frame", slot.Frame);
                json.WriteNumber("seconds", ResultTimes.Round(slot.Seconds));
                json.WriteString("timecode", VideoClock.TimecodeOf(video, slot.Frame).ToString());
                json.WriteNumber("pts", Pts90k.FromSeconds(slot.Seconds));
                json.WriteNumber("score", slot.Score);
                json.WriteStartArray("reasons");
                foreach (var reason in slot.Reasons)
                {
                    json.WriteStringValue(reason);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        output.WriteByte((byte)'\n');
    }
}
