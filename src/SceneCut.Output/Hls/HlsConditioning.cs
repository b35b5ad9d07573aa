using SceneCut.Output.Text;

namespace SceneCut.Output.Hls;

/// <summary>A conditioned playlist and where each slot went in it.</summary>
/// <param name="Text">The conditioned playlist.</param>
/// <param name="Placements">One per ad slot, in slot order.</param>
internal sealed record HlsConditioning(string Text, IReadOnlyList<HlsPlacement> Placements)
{
    /// <summary>A line for <c>processing.warnings</c> per slot not marked on its own frame, saying where it went and by how much.</summary>
    public IEnumerable<string> Warnings(string playlistName) => Placements.Where(p => !p.IsMarked || p.IsMidSegment).Select(p => Warning(p, playlistName));

    /// <summary>What to tell the reader about <paramref name="placement"/>.</summary>
    public static string Warning(HlsPlacement placement, string playlistName) => placement.IsMarked
        ? $"hls: ad slot {placement.SlotNumber} at {Invariant.Seconds(placement.SlotSeconds)} s falls mid-segment in {SingleLine.From(playlistName)}; "
          + $"marked at the boundary before {SingleLine.From(placement.SegmentUri)} ({Invariant.Seconds(placement.BoundarySeconds)} s), "
          + $"{Invariant.Seconds(Math.Abs(placement.OffsetSeconds))} s {(placement.OffsetSeconds > 0 ? "after" : "before")} the slot"
        : $"hls: ad slot {placement.SlotNumber} at {Invariant.Seconds(placement.SlotSeconds)} s lies past the end of {SingleLine.From(playlistName)}; not marked";
}
