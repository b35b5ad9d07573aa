namespace SceneCut.Output.Hls;

/// <summary>One media segment of a playlist.</summary>
/// <param name="Index">0-based position in the playlist.</param>
/// <param name="Uri">The segment's URI line.</param>
/// <param name="StartSeconds">Sum of the EXTINF durations before it.</param>
/// <param name="DurationSeconds">Its EXTINF duration.</param>
/// <param name="ExtinfLine">Index of its EXTINF line in the playlist's lines: markers go right before it, after any DISCONTINUITY or PROGRAM-DATE-TIME of the same segment.</param>
/// <param name="ProgramDateTime">Wall-clock time of its first sample, from the last EXT-X-PROGRAM-DATE-TIME before it; null when the playlist has none.</param>
internal sealed record HlsSegment(int Index, string Uri, double StartSeconds, double DurationSeconds, int ExtinfLine, DateTimeOffset? ProgramDateTime);
