using System.Globalization;
using SceneCut.Output.Scte35;
using SceneCut.Output.Text;

namespace SceneCut.Output.Hls;

/// <summary>
/// Conditions a VOD media playlist for server-side ad insertion: before the segment that starts at (or nearest to)
/// each slot it adds an <c>EXT-X-DATERANGE</c> carrying the slot's SCTE-35 messages (RFC 8216 4.3.2.7.1) and the
/// <c>EXT-X-CUE-OUT</c>/<c>EXT-X-CUE-IN</c> pair most SSAI packagers read. Nothing else in the playlist changes.
/// </summary>
internal static class HlsConditioner
{
    /// <summary>
    /// The wall clock given to a playlist without EXT-X-PROGRAM-DATE-TIME (DATERANGE requires one): the Unix epoch,
    /// so a START-DATE reads directly as the media time.
    /// </summary>
    public static readonly DateTimeOffset UnanchoredProgramDateTime = DateTimeOffset.UnixEpoch;

    /// <summary>The ID prefix of SceneCut's date ranges.</summary>
    public const string DateRangeIdPrefix = "scenecut-slot-";

    /// <summary>
    /// <paramref name="playlist"/> with markers for each of <paramref name="signals"/>. A slot within half a frame
    /// (<paramref name="fps"/>) of a segment start is on that boundary; any other goes to the nearest boundary (the later of two equally near).
    /// </summary>
    public static HlsConditioning Condition(HlsMediaPlaylist playlist, IReadOnlyList<SlotSignal> signals, double fps, double adBreakSeconds)
    {
        ArgumentNullException.ThrowIfNull(playlist);
        ArgumentNullException.ThrowIfNull(signals);
        var halfFrame = 0.5 / fps;
        var inserts = new Dictionary<int, List<string>>();
        var placements = new List<HlsPlacement>(signals.Count);
        foreach (var signal in signals)
        {
            var segment = Nearest(playlist, signal.Seconds, halfFrame);
            if (segment is null)
            {
                placements.Add(new HlsPlacement(signal.Number, signal.Seconds, -1, "", 0, 0));
                continue;
            }

            var offset = segment.StartSeconds - signal.Seconds;
            var placement = new HlsPlacement(
                signal.Number, signal.Seconds, segment.Index, segment.Uri, ResultTimes.Round(segment.StartSeconds),
                Math.Abs(offset) <= halfFrame ? 0 : ResultTimes.Round(offset));
            placements.Add(placement);
            if (!inserts.TryGetValue(segment.ExtinfLine, out var lines))
            {
                inserts[segment.ExtinfLine] = lines = [];
            }

            if (placement.IsMidSegment)
            {
                // A comment (a '#' line that is not a tag) for whoever reads the playlist; players ignore it.
                lines.Add("# " + HlsConditioning.Warning(placement, "this playlist"));
            }

            var start = (segment.ProgramDateTime ?? UnanchoredProgramDateTime.AddSeconds(segment.StartSeconds)).ToUniversalTime();
            var duration = Invariant.Seconds(adBreakSeconds);
            lines.Add($"#EXT-X-DATERANGE:ID=\"{DateRangeIdPrefix}{Invariant.Int(signal.Number)}\",START-DATE=\"{IsoDate(start)}\","
                      + $"PLANNED-DURATION={duration},SCTE35-OUT={Scte35MarkerWriter.Hex(signal.StartBytes)},SCTE35-IN={Scte35MarkerWriter.Hex(signal.EndBytes)}");
            lines.Add($"#EXT-X-CUE-OUT:DURATION={duration}");
            lines.Add("#EXT-X-CUE-IN");
        }

        if (inserts.Count > 0 && !playlist.HasProgramDateTime)
        {
            var first = playlist.Segments[0].ExtinfLine;
            if (!inserts.TryGetValue(first, out var lines))
            {
                inserts[first] = lines = [];
            }

            lines.Insert(0, "#EXT-X-PROGRAM-DATE-TIME:" + IsoDate(UnanchoredProgramDateTime));
        }

        var output = new System.Text.StringBuilder();
        for (var i = 0; i < playlist.Lines.Count; i++)
        {
            if (inserts.TryGetValue(i, out var lines))
            {
                foreach (var line in lines)
                {
                    output.Append(line).Append('\n');
                }
            }

            output.Append(playlist.Lines[i]).Append('\n');
        }

        return new HlsConditioning(output.ToString(), placements);
    }

    /// <summary>The segment whose start is nearest <paramref name="seconds"/>; null past the playlist's end.</summary>
    private static HlsSegment? Nearest(HlsMediaPlaylist playlist, double seconds, double halfFrame)
    {
        if (playlist.Segments.Count == 0 || seconds >= playlist.DurationSeconds - halfFrame)
        {
            return null;
        }

        HlsSegment? best = null;
        foreach (var segment in playlist.Segments)
        {
            // "<=" keeps the later of two equally near boundaries.
            if (best is null || Math.Abs(segment.StartSeconds - seconds) <= Math.Abs(best.StartSeconds - seconds))
            {
                best = segment;
            }
        }

        return best;
    }

    /// <summary>ISO 8601 to the millisecond, rounded: summed EXTINF durations carry float error (10.199999… for 10.2).</summary>
    private static string IsoDate(DateTimeOffset time)
    {
        var ticks = (long)Math.Round(time.UtcTicks / (double)TimeSpan.TicksPerMillisecond, MidpointRounding.AwayFromZero) * TimeSpan.TicksPerMillisecond;
        return new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
