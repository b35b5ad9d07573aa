using System.Xml.Linq;
using SceneCut.Output.Text;

namespace SceneCut.Output.Scte35;

/// <summary>
/// The XML form of a <see cref="SpliceInfoSection"/> (SCTE 35 2013 section 11), the payload of a DASH
/// <c>EventStream</c> with scheme <c>urn:scte:scte35:2013:xml</c>.
/// </summary>
internal static class Scte35Xml
{
    /// <summary>The namespace of SCTE 35's XML elements, as DASH packagers write it beside the 2013 scheme.</summary>
    public static readonly XNamespace Namespace = "urn:scte:scte35:2013:xml";

    /// <summary>The conventional prefix.</summary>
    public const string Prefix = "scte35";

    /// <summary>The <c>scte35:SpliceInfoSection</c> element of <paramref name="section"/> (no namespace declaration of its own: the caller places it).</summary>
    public static XElement ToElement(SpliceInfoSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var time = new XElement(Namespace + "SpliceTime");
        if (section.PtsTime is { } pts)
        {
            time.SetAttributeValue("ptsTime", Invariant.Int(pts));
        }

        return new XElement(
            Namespace + "SpliceInfoSection",
            new XAttribute("protocolVersion", "0"),
            new XAttribute("ptsAdjustment", Invariant.Int(section.PtsAdjustment)),
            new XAttribute("tier", Invariant.Int(section.Tier)),
            new XElement(Namespace + "TimeSignal", time),
            section.Descriptors.Select(Descriptor));
    }

    private static XElement Descriptor(SegmentationDescriptor d)
    {
        var element = new XElement(
            Namespace + "SegmentationDescriptor",
            new XAttribute("segmentationEventId", Invariant.Int(d.EventId)),
            new XAttribute("segmentationEventCancelIndicator", d.Cancel ? "true" : "false"));
        if (d.Cancel)
        {
            return element;
        }

        if (d.Duration is { } duration)
        {
            element.SetAttributeValue("segmentationDuration", Invariant.Int(duration));
        }

        element.SetAttributeValue("segmentationTypeId", Invariant.Int(d.TypeId));
        element.SetAttributeValue("segmentNum", Invariant.Int(d.SegmentNum));
        element.SetAttributeValue("segmentsExpected", Invariant.Int(d.SegmentsExpected));
        if (d.SubSegmentNum is { } sub)
        {
            element.SetAttributeValue("subSegmentNum", Invariant.Int(sub));
            element.SetAttributeValue("subSegmentsExpected", Invariant.Int(d.SubSegmentsExpected ?? 0));
        }

        if (d.Restrictions is { } r)
        {
            element.Add(new XElement(
                Namespace + "DeliveryRestrictions",
                new XAttribute("webDeliveryAllowedFlag", r.WebDeliveryAllowed ? "true" : "false"),
                new XAttribute("noRegionalBlackoutFlag", r.NoRegionalBlackout ? "true" : "false"),
                new XAttribute("archiveAllowedFlag", r.ArchiveAllowed ? "true" : "false"),
                new XAttribute("deviceRestrictions", Invariant.Int(r.DeviceRestrictions))));
        }

        element.Add(new XElement(
            Namespace + "SegmentationUpid",
            new XAttribute("segmentationUpidType", Invariant.Int(d.UpidType)),
            new XAttribute("segmentationUpidFormat", "hexBinary"),
            Convert.ToHexString(d.Upid)));
        return element;
    }
}
