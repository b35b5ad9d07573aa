using System.Text;
using System.Xml;
using System.Xml.Linq;
using SceneCut.Output.AdCues;
using SceneCut.Output.Scte35;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.Dash;

/// <summary>
/// The <c>dash</c> format: an MPD <c>EventStream</c> with scheme <c>urn:scte:scte35:2013:xml</c> (SCTE 214-1), one
/// <c>Event</c> per slot at its 90 kHz PTS, lasting the planned break, carrying the placement-opportunity start in
/// SCTE 35 XML. Paste it into the <c>Period</c> of the video (its times are relative to the period's start).
/// </summary>
internal sealed class DashEventStreamWriter : IResultWriter
{
    /// <summary>The MPD namespace the element belongs to.</summary>
    public static readonly XNamespace MpdNamespace = "urn:mpeg:dash:schema:mpd:2011";

    /// <summary>The event scheme of SCTE-35 in XML form.</summary>
    public const string SchemeIdUri = "urn:scte:scte35:2013:xml";

    public string Format => OutputFormats.Dash;

    public string FileExtension => ".eventstream.xml";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var stream = new XElement(
            MpdNamespace + "EventStream",
            new XAttribute(XNamespace.Xmlns + Scte35Xml.Prefix, Scte35Xml.Namespace.NamespaceName),
            new XAttribute("schemeIdUri", SchemeIdUri),
            new XAttribute("timescale", Invariant.Int(Pts90k.Clock)));
        foreach (var signal in SlotSignals.For(document, context.Options))
        {
            stream.Add(new XElement(
                MpdNamespace + "Event",
                new XAttribute("presentationTime", Invariant.Int(signal.Pts)),
                new XAttribute("duration", Invariant.Int(signal.Start.Descriptors[0].Duration ?? 0)),
                new XAttribute("id", Invariant.Int(signal.Number)),
                Scte35Xml.ToElement(signal.Start)));
        }

        var settings = new XmlWriterSettings
        {
            Async = true,
            Indent = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            CloseOutput = false,
        };
        var xml = XmlWriter.Create(output, settings);
        await using (xml.ConfigureAwait(false))
        {
            await new XDocument(stream).SaveAsync(xml, cancellationToken).ConfigureAwait(false);
            await xml.FlushAsync().ConfigureAwait(false);
        }
    }
}
