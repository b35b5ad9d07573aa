namespace SceneCut.Video.Damage;

/// <summary>
/// Gathers the decoder's damage reports as they come, in frame order, into <see cref="DamagedRange"/>s. Reports a few
/// frames apart belong to one range: FFmpeg conceals one damaged slice over the following frames, so such gaps are
/// damage it did not report again. Memory stays bounded however damaged the file: ranges and messages are capped.
/// </summary>
internal sealed class DamageCollector
{
    // Reports this many frames apart or closer join one range.
    private const int MergeGapFrames = 2;

    // A range keeps its first few distinct messages: enough for a person to see what FFmpeg said.
    private const int MaxMessagesPerRange = 5;

    // A file damaged all over still gives a readable result: past this many ranges, the last one grows to the end.
    private const int MaxRanges = 1000;

    private readonly List<DamagedRange> _closed = [];
    private readonly List<string> _messages = [];
    private int _start = -1;
    private int _end = -1;
    private int _errors;

    /// <summary>
    /// Records damage over frames <c>[firstFrame, lastFrame]</c> with FFmpeg's words for it, counting <paramref name="errors"/>
    /// error events (0 when an event already counted covers more frames); calls come with non-decreasing <paramref name="firstFrame"/>.
    /// </summary>
    public void Mark(int firstFrame, int lastFrame, string message, int errors = 1)
    {
        ArgumentNullException.ThrowIfNull(message);
        firstFrame = Math.Max(0, firstFrame);
        lastFrame = Math.Max(firstFrame, lastFrame);
        if (_start >= 0 && (firstFrame > _end + MergeGapFrames + 1) && _closed.Count < MaxRanges - 1)
        {
            Close();
        }

        if (_start < 0)
        {
            _start = firstFrame;
        }

        _start = Math.Min(_start, firstFrame);
        _end = Math.Max(_end, lastFrame);
        _errors += errors;
        if (_messages.Count < MaxMessagesPerRange && !_messages.Contains(message, StringComparer.Ordinal))
        {
            _messages.Add(message);
        }
    }

    /// <summary>The ranges, each clipped to the <paramref name="framesDecoded"/> frames that came out.</summary>
    public DecodeDamage Build(int framesDecoded)
    {
        if (_start >= 0)
        {
            Close();
        }

        var last = framesDecoded - 1;
        var ranges = new List<DamagedRange>(_closed.Count);
        foreach (var range in _closed)
        {
            if (last < 0)
            {
                break;
            }

            // A report about a frame that never came out (the stream stopped) is kept on the last frame that did.
            var start = Math.Min(range.StartFrame, last);
            var end = Math.Min(range.EndFrame, last);
            if (ranges.Count > 0 && start <= ranges[^1].EndFrame)
            {
                var previous = ranges[^1];
                ranges[^1] = previous with
                {
                    EndFrame = Math.Max(previous.EndFrame, end),
                    Errors = previous.Errors + range.Errors,
                    Messages = [.. previous.Messages.Concat(range.Messages).Distinct(StringComparer.Ordinal).Take(MaxMessagesPerRange)],
                };
                continue;
            }

            ranges.Add(range with { StartFrame = start, EndFrame = end });
        }

        return ranges.Count == 0 ? DecodeDamage.None : new DecodeDamage(ranges, ranges.Sum(r => r.Errors), CanTell: true);
    }

    private void Close()
    {
        _closed.Add(new DamagedRange(_start, _end, _errors, [.. _messages]));
        _messages.Clear();
        _start = -1;
        _end = -1;
        _errors = 0;
    }
}
