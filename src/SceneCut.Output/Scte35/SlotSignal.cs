namespace SceneCut.Output.Scte35;

/// <summary>The SCTE-35 pair of one ad slot: placement opportunity start and end, encoded.</summary>
/// <param name="Number">1-based slot number; also the segmentation_event_id both messages share.</param>
/// <param name="Frame">The slot's frame (the programme resumes on it).</param>
/// <param name="Seconds">The slot's time, to the microsecond.</param>
/// <param name="Pts">The slot's 33-bit 90 kHz PTS on the video's own timeline.</param>
/// <param name="Start">Placement opportunity start (0x34) with the planned break duration.</param>
/// <param name="End">Placement opportunity end (0x35).</param>
internal sealed record SlotSignal(int Number, int Frame, double Seconds, long Pts, SpliceInfoSection Start, SpliceInfoSection End)
{
    /// <summary>The start message's bytes.</summary>
    public byte[] StartBytes { get; } = Scte35Encoder.Encode(Start);

    /// <summary>The end message's bytes.</summary>
    public byte[] EndBytes { get; } = Scte35Encoder.Encode(End);
}
