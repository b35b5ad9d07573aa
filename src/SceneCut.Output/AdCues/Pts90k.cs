namespace SceneCut.Output.AdCues;

/// <summary>MPEG presentation time: a 90 kHz clock in 33 bits, the unit of SCTE-35 <c>splice_time.pts_time</c>.</summary>
internal static class Pts90k
{
    /// <summary>Ticks per second.</summary>
    public const long Clock = 90_000;

    // pts_time is 33 bits wide and wraps (every ~26.5 hours).
    private const long Mask = (1L << 33) - 1;

    /// <summary>The 33-bit PTS of <paramref name="seconds"/>.</summary>
    public static long FromSeconds(double seconds) => (long)Math.Round(Math.Max(0, seconds) * Clock, MidpointRounding.AwayFromZero) & Mask;
}
