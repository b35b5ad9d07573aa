using System.CommandLine;
using SceneCut.Cli;
using SceneCut.Cli.Commands;
using SceneCut.Jobs.Output;
using SceneCut.Output;
using SceneCut.Results;

namespace SceneCut.Worker.Tests.Output;

/// <summary>
/// <c>batch</c> (the worker's job runner) and <c>detect</c> render through one sink: under one custom configuration
/// they write the same bytes for every format, and the configured output options reach the runner's files.
/// </summary>
public sealed class OutputParityTests
{
    private const string VastTag = "https://ads.test/vast?slot={index}&tc={timecode}";
    private const string EdlStart = "01:00:00:00";
    private const int AdBreak = 45;

    [Fact]
    public async Task BatchAndDetect_CustomOutputOptions_WriteTheSameBytesForEveryFormat()
    {
        using var folder = new TempFolder();
        var input = folder.Sub("in");
        var clip = Path.Combine(input, "demo.mp4");
        File.Copy(Path.Combine(SharedData.RepositoryRoot, "samples", "demo", "demo.mp4"), clip);
        var formats = ResultWriterRegistry.Default.Formats;
        var config = folder.File("settings.json");
        // The hls format conditions each video's own playlist: {name} picks it, outside the scanned input folder.
        var playlists = folder.Sub("playlists");
        await File.WriteAllTextAsync(Path.Combine(playlists, "demo.m3u8"), Playlist(segments: 8, segmentSeconds: 2, lastSeconds: 0.6));
        var playlistSetting = Path.Combine(playlists, "{name}.m3u8").Replace("\\", "\\\\", StringComparison.Ordinal);
        // A policy loose enough for the 14.6 s demo to get an ad slot, so the VMAP carries the VAST tag.
        await File.WriteAllTextAsync(config, $$"""
            {
              "SceneCut": {
                "AdPolicy": { "MinGapSeconds": 1, "MarginSeconds": 1, "MinScore": 0, "SettledSeconds": 0 },
                "Output": { "VastTagTemplate": "{{VastTag}}", "EdlStartTimecode": "{{EdlStart}}", "AdBreakSeconds": {{AdBreak}}, "HlsPlaylist": "{{playlistSetting}}" }
              },
              "Worker": { "Jobs": { "Formats": [ {{string.Join(", ", formats.Select(f => $"\"{f}\""))}} ] } }
            }
            """);
        var batchOut = Path.Combine(folder.Path, "batch");
        var detectOut = Path.Combine(folder.Path, "detect", "not", "there", "yet");

        Assert.Equal(ExitCodes.Ok, await RunAsync("batch", input, "--out", batchOut, "--config", config));
        Assert.Equal(ExitCodes.Ok, await RunAsync("detect", clip, "--format", string.Join(",", formats), "--out-dir", detectOut, "--config", config));

        var sink = new ResultSink(new OutputOptions());
        string Batch(string format) => Path.Combine(batchOut, "demo.mp4." + OutputLayout.ResultSuffix + sink.Registry.Get(format).FileExtension);
        string Detect(string format) => Path.Combine(detectOut, "demo" + sink.Registry.Get(format).FileExtension);

        // The runner's files carry the configured options, not the defaults.
        var vmap = await File.ReadAllTextAsync(Batch(OutputFormats.Vmap));
        Assert.Contains("https://ads.test/vast?slot=1&amp;tc=", vmap, StringComparison.Ordinal);
        Assert.DoesNotContain("ads.example.com", vmap, StringComparison.Ordinal);
        Assert.Contains($"C        {EdlStart} ", await File.ReadAllTextAsync(Batch(OutputFormats.Edl)), StringComparison.Ordinal);
        Assert.Contains($"\"adBreakSeconds\": {AdBreak}", await File.ReadAllTextAsync(Batch(OutputFormats.Scte35)), StringComparison.Ordinal);
        var conditioned = await File.ReadAllTextAsync(Batch(OutputFormats.Hls));
        Assert.Contains($"PLANNED-DURATION={AdBreak},SCTE35-OUT=0xFC", conditioned, StringComparison.Ordinal);
        Assert.Contains("#EXT-X-CUE-OUT:DURATION=" + AdBreak, conditioned, StringComparison.Ordinal);

        // Two analyses of one clip: identical bytes for every format that holds no timing of the run itself.
        foreach (var format in formats.Where(f => f is not OutputFormats.Json and not OutputFormats.Html))
        {
            Assert.True(File.ReadAllBytes(Batch(format)).SequenceEqual(File.ReadAllBytes(Detect(format))), $"{format}: batch and detect differ");
        }

        var fromBatch = ResultJson.Deserialize(await File.ReadAllTextAsync(Batch(OutputFormats.Json)));
        var fromDetect = ResultJson.Deserialize(await File.ReadAllTextAsync(Detect(OutputFormats.Json)));
        Assert.Equal(ResultJson.Serialize(fromDetect with { Processing = fromBatch.Processing }), ResultJson.Serialize(fromBatch));
        Assert.Equal(14.6, fromBatch.Video.DurationSeconds);
        // The result document says which slot the 2 s segments could not mark on its own frame.
        Assert.NotEmpty(fromBatch.AdSlots);
        for (var i = 0; i < fromBatch.AdSlots.Count; i++)
        {
            var onBoundary = Math.Abs(fromBatch.AdSlots[i].Seconds - (2 * Math.Round(fromBatch.AdSlots[i].Seconds / 2))) < 0.02;
            Assert.Equal(!onBoundary, fromBatch.Processing.Warnings.Any(w => w.StartsWith($"hls: ad slot {i + 1} at ", StringComparison.Ordinal)));
        }

        // The batch's document through detect's path gives the batch's bytes, JSON and HTML included.
        var settings = new FileInfo(config);
        var again = Path.Combine(folder.Path, "again");
        var plan = OutputPlan.Create(SettingsLoader.LoadSection<OutputOptions>(settings, "Output"), string.Join(",", formats), null, new DirectoryInfo(again), clip);
        await plan.WriteAsync(fromBatch, CancellationToken.None);
        foreach (var format in formats)
        {
            var rendered = Path.Combine(again, "demo" + sink.Registry.Get(format).FileExtension);
            Assert.True(File.ReadAllBytes(Batch(format)).SequenceEqual(File.ReadAllBytes(rendered)), $"{format}: batch and detect's renderer differ");
        }
    }

    private static string Playlist(int segments, double segmentSeconds, double lastSeconds)
    {
        var text = new System.Text.StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var i = 0; i < segments; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"#EXTINF:{(i == segments - 1 ? lastSeconds : segmentSeconds):0.000000},\ndemo{i}.ts\n");
        }

        return text.Append("#EXT-X-ENDLIST\n").ToString();
    }

    private static async Task<int> RunAsync(params string[] args)
    {
        var config = new Option<FileInfo?>("--config") { Recursive = true };
        var root = new RootCommand("test") { config, BatchCommand.Create(config), DetectCommand.Create(config) };
        return await root.Parse(args).InvokeAsync();
    }
}
