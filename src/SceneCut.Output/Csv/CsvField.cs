namespace SceneCut.Output.Csv;

/// <summary>RFC 4180 field quoting.</summary>
internal static class CsvField
{
    /// <summary>
    /// <paramref name="value"/> quoted when it holds a comma, quote, CR or LF (quotes doubled), or when
    /// <paramref name="alwaysQuote"/> (untrusted text: a reader then never mistakes it for a number or formula cell).
    /// </summary>
    public static string Quote(string value, bool alwaysQuote = false)
    {
        var needs = alwaysQuote || value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return needs ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
