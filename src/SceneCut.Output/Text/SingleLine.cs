namespace SceneCut.Output.Text;

/// <summary>Untrusted text (file names, reasons) made safe for line-based formats, where a newline would start a forged record.</summary>
internal static class SingleLine
{
    /// <summary><paramref name="text"/> with every control or line/paragraph separator character replaced by <c>_</c>.</summary>
    public static string From(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' ? '_' : c;
            }
        });
}
