namespace SceneCut.Output.Tests;

public sealed class ResultWriterRegistryTests
{
    [Fact]
    public void Default_HasEveryFormatWithDistinctExtensions()
    {
        var registry = ResultWriterRegistry.Default;

        Assert.Equal(["json", "csv", "edl", "chapters", "vtt", "cues", "vmap", "html", "scte35", "hls", "dash", "dai", "keyframes"], registry.Formats);
        var extensions = registry.Formats.Select(f => registry.Get(f).FileExtension).ToList();
        Assert.Equal(extensions.Count, extensions.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(extensions, e => Assert.StartsWith(".", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Default_FormatsAreTheSchemasListOfFormats()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "schema", "result-v1.schema.json")));

        var listed = schema.RootElement.GetProperty("$defs").GetProperty("outputFormat").GetProperty("enum").EnumerateArray().Select(e => e.GetString());

        Assert.Equal(ResultWriterRegistry.Default.Formats, listed);
    }

    [Fact]
    public void Resolve_CommaListCaseInsensitiveWithoutRepeats()
    {
        var writers = ResultWriterRegistry.Default.Resolve(["CSV, json", "csv", "vmap"]);

        Assert.Equal(["csv", "json", "vmap"], writers.Select(w => w.Format));
    }

    [Fact]
    public void Resolve_Nothing_MeansJson() => Assert.Equal("json", Assert.Single(ResultWriterRegistry.Default.Resolve([" "])).Format);

    [Fact]
    public void Resolve_Unknown_NamesEveryUnknownAndTheKnown()
    {
        var error = Assert.Throws<ArgumentException>(() => ResultWriterRegistry.Default.Resolve(["json,pdf", "srt"])).Message;

        Assert.Contains("'pdf', 'srt'", error, StringComparison.Ordinal);
        Assert.Contains("json, csv, edl, chapters, vtt, cues, vmap, html, scte35, hls, dash, dai, keyframes", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("out/movie.json", "out/movie")]
    [InlineData("out/movie.chapters.vtt", "out/movie")]
    [InlineData("out/take.2", "out/take.2")]
    [InlineData("out/Ünï name with spaces.JSON", "out/Ünï name with spaces")]
    public void BaseFromOutputPath_StripsOnlyAFormatExtension(string path, string expected) =>
        Assert.Equal(expected, OutputPaths.BaseFromOutputPath(path, ResultWriterRegistry.Default));

    [Fact]
    public void BaseInDirectory_NamedAfterTheVideo() =>
        Assert.Equal(Path.Combine("results", "my film"), OutputPaths.BaseInDirectory("results", "/media/my film.mkv"));
}
