namespace SceneCut.Video.Libav;

/// <summary>
/// One error FFmpeg reported while decoding, placed on the packets that were being decoded when it came: with frame
/// threads several packets are in flight and FFmpeg's message does not say which one it is about, so the report covers
/// the timestamps of all of them (exactly one packet when FFmpeg decodes on one thread).
/// </summary>
/// <param name="FirstTimestamp">Smallest timestamp of the packets in flight (stream time base); <see cref="LibavNative.NoTimestamp"/> when unknown.</param>
/// <param name="LastTimestamp">Largest timestamp of the packets in flight.</param>
/// <param name="Message">FFmpeg's words, as <c>context: text</c>.</param>
internal readonly record struct LibavDamageReport(long FirstTimestamp, long LastTimestamp, string Message)
{
    /// <summary>True when the packets had timestamps, so the report can be placed on frames by time.</summary>
    public bool HasTimestamps => FirstTimestamp != LibavNative.NoTimestamp;
}
