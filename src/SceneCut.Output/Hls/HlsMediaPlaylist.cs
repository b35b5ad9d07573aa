using System.Globalization;

namespace SceneCut.Output.Hls;

/// <summary>
/// The parts of an HLS media playlist (RFC 8216) that conditioning needs: its lines, untouched, and its segments
/// with their start times. A multivariant (master) playlist is refused: ad markers belong in each media playlist.
/// </summary>
internal sealed class HlsMediaPlaylist
{
    private HlsMediaPlaylist(IReadOnlyList<string> lines, IReadOnlyList<HlsSegment> segments)
    {
        Lines = lines;
        Segments = segments;
    }

    /// <summary>The playlist's lines, without line ends.</summary>
    public IReadOnlyList<string> Lines { get; }

    /// <summary>Its media segments in order.</summary>
    public IReadOnlyList<HlsSegment> Segments { get; }

    /// <summary>True when the playlist already carries an EXT-X-PROGRAM-DATE-TIME (DATERANGE needs one).</summary>
    public bool HasProgramDateTime => Segments.Any(s => s.ProgramDateTime is not null);

    /// <summary>End of the last segment.</summary>
    public double DurationSeconds => Segments.Count == 0 ? 0 : Segments[^1].StartSeconds + Segments[^1].DurationSeconds;

    /// <summary>Parses <paramref name="text"/>; a <see cref="FormatException"/> names what is wrong.</summary>
    public static HlsMediaPlaylist Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count == 0 || lines[0].Trim() != "#EXTM3U")
        {
            throw new FormatException("not an HLS playlist: the first line is not #EXTM3U.");
        }

        var segments = new List<HlsSegment>();
        double start = 0;
        double? duration = null;
        var extinfLine = 0;
        DateTimeOffset? dateTime = null;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("#EXT-X-STREAM-INF", StringComparison.Ordinal))
            {
                throw new FormatException("a multivariant (master) playlist; give one of its media playlists.");
            }

            if (line.StartsWith("#EXT-X-PROGRAM-DATE-TIME:", StringComparison.Ordinal))
            {
                var value = line["#EXT-X-PROGRAM-DATE-TIME:".Length..];
                dateTime = DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                    ? parsed
                    : throw new FormatException($"line {i + 1}: EXT-X-PROGRAM-DATE-TIME '{value}' is not an ISO 8601 date.");
            }

            if (line.StartsWith("#EXTINF:", StringComparison.Ordinal))
            {
                extinfLine = i;
                var value = line["#EXTINF:".Length..].Split(',', 2)[0];
                duration = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
                    ? seconds
                    : throw new FormatException($"line {i + 1}: EXTINF duration '{value}' is not a number of seconds.");
            }

            if (line.Length == 0)
            {
                continue;
            }

            if (!line.StartsWith('#'))
            {
                if (duration is null)
                {
                    throw new FormatException($"line {i + 1}: segment '{line}' has no EXTINF.");
                }

                segments.Add(new HlsSegment(segments.Count, line, start, duration.Value, extinfLine, dateTime));
                start += duration.Value;
                // The next segment's wall clock follows on unless a new EXT-X-PROGRAM-DATE-TIME says otherwise.
                dateTime = dateTime?.AddSeconds(duration.Value);
                duration = null;
            }
        }

        return new HlsMediaPlaylist(lines, segments);
    }
}
