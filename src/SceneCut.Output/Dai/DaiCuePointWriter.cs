using System.Text.Json;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.Dai;

/// <summary>
/// The <c>dai</c> format: Google Ad Manager Dynamic Ad Insertion VOD cue points, one per slot as a protobuf-JSON
/// duration (<c>"55.532s"</c>, milliseconds), the form Ad Manager's content ingestion and the DAI API take.
/// </summary>
internal sealed class DaiCuePointWriter : IResultWriter
{
    public string Format => OutputFormats.Dai;

    public string FileExtension => ".dai.json";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("video", VideoClock.FileName(document.Video));
            json.WriteStartArray("cuePoints");
            foreach (var slot in document.AdSlots)
            {
                json.WriteStringValue(CuePoint(slot.Seconds));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary><paramref name="seconds"/> as <c>"55.532s"</c>: Ad Manager keeps cue points to the millisecond.</summary>
    public static string CuePoint(double seconds)
    {
        var ms = (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);
        return $"{Invariant.Int(ms / 1000)}.{Invariant.Int(ms % 1000).PadLeft(3, '0')}s";
    }
}
