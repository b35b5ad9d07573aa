namespace SceneCut.Output.Hls;

/// <summary>Where one ad slot was marked in a playlist.</summary>
/// <param name="SlotNumber">1-based slot number.</param>
/// <param name="SlotSeconds">The slot's time.</param>
/// <param name="SegmentIndex">0-based index of the segment the markers precede; -1 when the slot lies past the playlist's end.</param>
/// <param name="SegmentUri">That segment's URI; empty when unmarked.</param>
/// <param name="BoundarySeconds">The segment boundary the markers sit on.</param>
/// <param name="OffsetSeconds">Boundary minus slot: positive when the break comes after the slot's frame, negative before; 0 on a boundary.</param>
internal sealed record HlsPlacement(int SlotNumber, double SlotSeconds, int SegmentIndex, string SegmentUri, double BoundarySeconds, double OffsetSeconds)
{
    /// <summary>True when the markers sit on a boundary other than the slot's own frame.</summary>
    public bool IsMidSegment => OffsetSeconds != 0;

    /// <summary>True when the slot could be marked at all.</summary>
    public bool IsMarked => SegmentIndex >= 0;
}
