using System.Text.Json;
using System.Xml.Linq;
using SceneCut.Output.AdCues;
using SceneCut.Results;

namespace SceneCut.Output.Scte35;

/// <summary>
/// The <c>scte35</c> format: per ad slot its placement-opportunity start and end messages, each with time, frame,
/// 90 kHz PTS and the message as base64 (HLS <c>SCTE35-OUT</c>, ESAM), hex (<c>0x…</c>) and SCTE 35 XML — whatever
/// the packager or ad-decision server takes.
/// </summary>
internal sealed class Scte35MarkerWriter : IResultWriter
{
    /// <summary>Identifies the document for readers.</summary>
    public const string DocumentType = "scenecut-scte35";

    /// <summary>The version of this document's shape.</summary>
    public const int Version = 1;

    public string Format => OutputFormats.Scte35;

    public string FileExtension => ".scte35.json";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var signals = SlotSignals.For(document, context.Options);
        var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        await using (json.ConfigureAwait(false))
        {
            json.WriteStartObject();
            json.WriteString("type", DocumentType);
            json.WriteNumber("version", Version);
            json.WriteString("video", VideoClock.FileName(document.Video));
            json.WriteNumber("ptsClock", Pts90k.Clock);
            json.WriteString("spliceCommand", "time_signal");
            json.WriteNumber("adBreakSeconds", context.Options.AdBreakSeconds);
            json.WriteString("upid", System.Text.Encoding.ASCII.GetString(SlotSignals.Upid(VideoClock.FileName(document.Video))));
            json.WriteStartArray("markers");
            foreach (var signal in signals)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Marker(json, signal, "placement-opportunity-start", signal.Start, signal.StartBytes);
                Marker(json, signal, "placement-opportunity-end", signal.End, signal.EndBytes);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary><paramref name="bytes"/> as <c>0x</c> and upper-case hex digits, the form of HLS <c>SCTE35-OUT</c>.</summary>
    public static string Hex(byte[] bytes) => "0x" + Convert.ToHexString(bytes);

    private static void Marker(Utf8JsonWriter json, SlotSignal signal, string kind, SpliceInfoSection section, byte[] bytes)
    {
        var descriptor = section.Descriptors[0];
        json.WriteStartObject();
        json.WriteNumber("slot", signal.Number);
        json.WriteString("kind", kind);
        json.WriteNumber("segmentationTypeId", descriptor.TypeId);
        json.WriteNumber("eventId", descriptor.EventId);
        json.WriteNumber("frame", signal.Frame);
        json.WriteNumber("seconds", signal.Seconds);
        json.WriteNumber("pts", signal.Pts);
        if (descriptor.Duration is { } duration)
        {
            json.WriteNumber("durationPts", duration);
            json.WriteNumber("durationSeconds", ResultTimes.Round(duration / (double)Pts90k.Clock));
        }

        json.WriteString("base64", Convert.ToBase64String(bytes));
        json.WriteString("hex", Hex(bytes));
        var xml = Scte35Xml.ToElement(section);
        // Declared on the element itself so the string stands alone (pasted into an MPD or an ESAM response).
        xml.SetAttributeValue(XNamespace.Xmlns + Scte35Xml.Prefix, Scte35Xml.Namespace.NamespaceName);
        json.WriteString("xml", xml.ToString(SaveOptions.DisableFormatting));
        json.WriteEndObject();
    }
}
