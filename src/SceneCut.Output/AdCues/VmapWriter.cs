using System.Globalization;
using System.Text;
using System.Xml;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.AdCues;

/// <summary>
/// IAB VMAP 1.0: one linear <c>vmap:AdBreak</c> per ad slot, <c>timeOffset</c> <c>HH:MM:SS.mmm</c>, an
/// <c>AdTagURI</c> built from the configured VAST tag template, and the slot's numbers in a <c>vmap:Extension</c>.
/// </summary>
internal sealed class VmapWriter : IResultWriter
{
    /// <summary>The VMAP 1.0 namespace.</summary>
    public const string VmapNamespace = "http://www.iab.net/videosuite/vmap";

    /// <summary>Namespace of the slot numbers inside <c>vmap:Extension</c>.</summary>
    public const string SceneCutNamespace = "urn:scenecut:vmap-extension:1";

    public string Format => OutputFormats.Vmap;

    public string FileExtension => ".vmap.xml";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings
        {
            Async = true,
            Indent = true,
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            // Refuse characters XML 1.0 cannot carry (e.g. control characters in a file name) rather than write a broken file.
            CheckCharacters = true,
            CloseOutput = false,
        };
        var video = document.Video;
        var name = VideoClock.FileName(video);
        var xml = XmlWriter.Create(output, settings);
        await using (xml.ConfigureAwait(false))
        {
            await xml.WriteStartDocumentAsync().ConfigureAwait(false);
            await xml.WriteStartElementAsync("vmap", "VMAP", VmapNamespace).ConfigureAwait(false);
            await xml.WriteAttributeStringAsync(null, "version", null, "1.0").ConfigureAwait(false);
            for (var i = 0; i < document.AdSlots.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var slot = document.AdSlots[i];
                var number = i + 1;
                var timecode = VideoClock.TimecodeOf(video, slot.Frame).ToString();
                await xml.WriteStartElementAsync("vmap", "AdBreak", VmapNamespace).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "timeOffset", null, TimeOffset(slot.Seconds)).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "breakType", null, "linear").ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "breakId", null, $"slot-{Invariant.Int(number)}").ConfigureAwait(false);

                await xml.WriteStartElementAsync("vmap", "AdSource", VmapNamespace).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "id", null, $"slot-{Invariant.Int(number)}-ads").ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "allowMultipleAds", null, "true").ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "followRedirects", null, "true").ConfigureAwait(false);
                await xml.WriteStartElementAsync("vmap", "AdTagURI", VmapNamespace).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "templateType", null, context.Options.VastTemplateType).ConfigureAwait(false);
                // Text, not CDATA: the writer escapes '&' and '<', and nothing in a URL can end the element early.
                await xml.WriteStringAsync(AdTag(context.Options.VastTagTemplate, number, slot, timecode, name)).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);

                await xml.WriteStartElementAsync("vmap", "Extensions", VmapNamespace).ConfigureAwait(false);
                await xml.WriteStartElementAsync("vmap", "Extension", VmapNamespace).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "type", null, "scenecut").ConfigureAwait(false);
                await xml.WriteStartElementAsync("scenecut", "Slot", SceneCutNamespace).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "frame", null, Invariant.Int(slot.Frame)).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "seconds", null, Invariant.Seconds(slot.Seconds)).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "timecode", null, timecode).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "score", null, Invariant.Score(slot.Score)).ConfigureAwait(false);
                await xml.WriteAttributeStringAsync(null, "reasons", null, string.Join(' ', slot.Reasons)).ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);
                await xml.WriteEndElementAsync().ConfigureAwait(false);

                await xml.WriteEndElementAsync().ConfigureAwait(false);
            }

            await xml.WriteEndElementAsync().ConfigureAwait(false);
            await xml.WriteEndDocumentAsync().ConfigureAwait(false);
            await xml.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>VMAP's <c>HH:MM:SS.mmm</c> (hours may exceed 23: it is an offset, not a clock).</summary>
    internal static string TimeOffset(double seconds)
    {
        var ms = (long)Math.Round(Math.Max(0, seconds) * 1000, MidpointRounding.AwayFromZero);
        return string.Create(CultureInfo.InvariantCulture, $"{ms / 3_600_000:00}:{ms / 60_000 % 60:00}:{ms / 1000 % 60:00}.{ms % 1000:000}");
    }

    /// <summary>The template with each placeholder replaced by its URL-encoded value.</summary>
    internal static string AdTag(string template, int number, AdSlotEntry slot, string timecode, string videoName)
    {
        var values = new (string Key, string Value)[]
        {
            ("{index}", Invariant.Int(number)),
            ("{seconds}", Invariant.Seconds(slot.Seconds)),
            ("{milliseconds}", Invariant.Int((long)Math.Round(Math.Max(0, slot.Seconds) * 1000, MidpointRounding.AwayFromZero))),
            ("{frame}", Invariant.Int(slot.Frame)),
            ("{timecode}", timecode),
            ("{score}", Invariant.Score(slot.Score)),
            ("{video}", videoName),
        };
        var url = template;
        foreach (var (key, value) in values)
        {
            url = url.Replace(key, Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return url;
    }
}
