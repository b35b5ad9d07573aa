namespace SceneCut.Output;

/// <summary>Where each format goes: the same base name with each format's extension, so a video's outputs sit together.</summary>
public static class OutputPaths
{
    /// <summary>
    /// The base path (no extension) for outputs named after <paramref name="outputPath"/>: <c>out/movie.json</c> →
    /// <c>out/movie</c>. Only a known format extension is taken off, so <c>take.2</c> stays <c>take.2</c>.
    /// </summary>
    public static string BaseFromOutputPath(string outputPath, ResultWriterRegistry registry)
    {
        var longest = registry.Formats
            .Select(registry.Get)
            .Select(w => w.FileExtension)
            .Where(e => outputPath.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.Length)
            .FirstOrDefault();
        return longest is null ? outputPath : outputPath[..^longest.Length];
    }

    /// <summary>The base path for <paramref name="videoPath"/>'s outputs in <paramref name="directory"/>: <c>dir/movie</c> for <c>movie.mp4</c>.</summary>
    public static string BaseInDirectory(string directory, string videoPath) =>
        Path.Combine(directory, Path.GetFileNameWithoutExtension(videoPath));

    /// <summary>The file <paramref name="writer"/> writes for <paramref name="basePath"/>.</summary>
    public static string For(string basePath, IResultWriter writer) => basePath + writer.FileExtension;
}
