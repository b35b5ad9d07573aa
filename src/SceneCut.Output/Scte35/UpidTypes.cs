namespace SceneCut.Output.Scte35;

/// <summary>The segmentation_upid_type values SceneCut writes or meets in the standard's samples (SCTE 35 table 21).</summary>
internal static class UpidTypes
{
    /// <summary>Turner Identifier (8 bytes): the UPID of the standard's time_signal samples.</summary>
    public const byte Ti = 0x08;

    /// <summary>URI (RFC 3986 text): how SceneCut names the video.</summary>
    public const byte Uri = 0x0F;
}
