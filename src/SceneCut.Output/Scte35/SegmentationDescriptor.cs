namespace SceneCut.Output.Scte35;

/// <summary>
/// A SCTE-35 <c>segmentation_descriptor</c> for the whole programme (program_segmentation_flag set): what the
/// signalled time starts or ends, for how long, and which content (the UPID) it belongs to.
/// </summary>
/// <param name="EventId">segmentation_event_id; a start and its end share it.</param>
/// <param name="TypeId">segmentation_type_id, e.g. <see cref="SegmentationTypes.ProviderPlacementOpportunityStart"/>.</param>
/// <param name="UpidType">segmentation_upid_type, e.g. <see cref="UpidTypes.Uri"/>.</param>
/// <param name="Upid">The UPID's bytes (at most 255).</param>
/// <param name="Duration">40-bit 90 kHz segmentation_duration; null leaves it out.</param>
/// <param name="Restrictions">Delivery restrictions; null sets delivery_not_restricted_flag.</param>
/// <param name="SegmentNum">segment_num.</param>
/// <param name="SegmentsExpected">segments_expected.</param>
/// <param name="SubSegmentNum">sub_segment_num (SCTE 35 2016 on, placement opportunity starts); null leaves both sub-segment fields out, as 2013 does.</param>
/// <param name="SubSegmentsExpected">sub_segments_expected, present exactly when <paramref name="SubSegmentNum"/> is.</param>
/// <param name="Cancel">segmentation_event_cancel_indicator: the event is withdrawn and nothing else follows.</param>
/// <param name="EventIdCompliance">segmentation_event_id_compliance_indicator (a reserved 1 before SCTE 35 2019).</param>
internal sealed record SegmentationDescriptor(
    uint EventId,
    byte TypeId,
    byte UpidType,
    byte[] Upid,
    long? Duration = null,
    DeliveryRestrictions? Restrictions = null,
    byte SegmentNum = 0,
    byte SegmentsExpected = 0,
    byte? SubSegmentNum = null,
    byte? SubSegmentsExpected = null,
    bool Cancel = false,
    bool EventIdCompliance = true)
{
    /// <summary>splice_descriptor_tag of a segmentation descriptor.</summary>
    public const byte Tag = 0x02;

    /// <summary>The descriptor identifier "CUEI" (0x43554549) that marks SCTE-35's own descriptors.</summary>
    public const uint Identifier = 0x43554549;
}
