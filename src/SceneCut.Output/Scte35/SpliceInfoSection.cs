namespace SceneCut.Output.Scte35;

/// <summary>
/// A SCTE-35 <c>splice_info_section</c> carrying a <c>time_signal</c>: the one command a VOD placement opportunity
/// needs (the segmentation descriptors say what the signalled time is). Unencrypted, protocol version 0.
/// </summary>
/// <param name="PtsTime">33-bit 90 kHz <c>pts_time</c> of the time signal; null for an immediate (unspecified) time.</param>
/// <param name="Descriptors">Segmentation descriptors, in loop order.</param>
/// <param name="PtsAdjustment">33-bit offset a splicer adds to every PTS in the message; 0 for the video's own timeline.</param>
/// <param name="SapType">Stream access point type, 2 bits; 3 = not specified (the bits SCTE 35 2013 reserved as ones).</param>
/// <param name="CwIndex">Control word index; unused without encryption, 0xFF as in the standard's samples.</param>
/// <param name="Tier">12-bit authorisation tier; 0xFFF = every tier.</param>
internal sealed record SpliceInfoSection(
    long? PtsTime,
    IReadOnlyList<SegmentationDescriptor> Descriptors,
    long PtsAdjustment = 0,
    int SapType = SpliceInfoSection.SapNotSpecified,
    byte CwIndex = 0xFF,
    int Tier = SpliceInfoSection.AllTiers)
{
    /// <summary>The MPEG-2 table id of every splice_info_section.</summary>
    public const byte TableId = 0xFC;

    /// <summary><c>splice_command_type</c> of <c>time_signal()</c>.</summary>
    public const byte TimeSignalCommand = 0x06;

    /// <summary>sap_type 3: the stream access point type is not specified.</summary>
    public const int SapNotSpecified = 3;

    /// <summary>Tier 0xFFF: the message applies to every tier.</summary>
    public const int AllTiers = 0xFFF;
}
