namespace SceneCut.Video;

/// <summary>How a file name is handed to FFmpeg, and how FFmpeg's complaints about it are handed back.</summary>
internal static class FfmpegInput
{
    // FFmpeg's messages are kept to this many lines: enough for the cause, short enough for one error message.
    private const int MaxExplanationLines = 4;

    /// <summary>
    /// The input as an FFmpeg URL. The <c>file:</c> protocol with an absolute path means a name that starts with a dash
    /// is never read as an option and a name with a colon is never read as another protocol.
    /// </summary>
    public static string Url(string path) => "file:" + Path.GetFullPath(path);

    /// <summary>FFmpeg's error text, without the file name it repeats (the exception message names the file already).</summary>
    public static string Explain(string standardError, string path)
    {
        var url = Url(path);
        var lines = standardError
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Replace(url + ": ", string.Empty, StringComparison.Ordinal).Replace(url, "the file", StringComparison.Ordinal))
            .Distinct()
            .TakeLast(MaxExplanationLines)
            .ToArray();
        return lines.Length == 0 ? "(FFmpeg printed no message)" : string.Join("; ", lines);
    }
}
