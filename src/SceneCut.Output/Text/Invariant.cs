using System.Globalization;

namespace SceneCut.Output.Text;

/// <summary>Numbers as every reader parses them: invariant culture, no exponent, no trailing zeros.</summary>
internal static class Invariant
{
    // Microseconds: finer than any frame period, so times round-trip to the frame.
    private const string SecondsFormat = "0.######";
    private const string ScoreFormat = "0.####";

    /// <summary>Seconds to the microsecond.</summary>
    public static string Seconds(double seconds) => seconds.ToString(SecondsFormat, CultureInfo.InvariantCulture);

    /// <summary>A score to 4 decimals (the document rounds scores to 4).</summary>
    public static string Score(double score) => score.ToString(ScoreFormat, CultureInfo.InvariantCulture);

    /// <summary>An integer.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);
}
