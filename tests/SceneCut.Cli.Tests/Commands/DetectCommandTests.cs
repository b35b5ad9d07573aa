using SceneCut.Results;

namespace SceneCut.Cli.Tests.Commands;

public sealed class DetectCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scenecut-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Detect_Sample_WritesTheResultDocumentToStdout()
    {
        var (code, output, _) = await CliRunner.RunAsync("detect", "samples/demo/demo.mp4");

        Assert.Equal(ExitCodes.Ok, code);
        var result = ResultJson.Deserialize(output);
        var committed = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(CliRunner.RepositoryRoot, "samples/demo/demo.result.json")));
        // The committed sample result is what detect gives today (timings aside).
        Assert.Equal(
            committed.Shots.Select(s => (s.StartFrame, s.EndFrame, s.TransitionIn?.Kind)),
            result.Shots.Select(s => (s.StartFrame, s.EndFrame, s.TransitionIn?.Kind)));
        Assert.Equal(committed.Scenes.Select(s => (s.StartFrame, s.EndFrame)), result.Scenes.Select(s => (s.StartFrame, s.EndFrame)));
        // The fade through black (230–245) between two unrelated procedural pictures starts a scene.
        Assert.Contains(result.Scenes, s => s.StartFrame == 230);
        // 14.6 s is too short for a slot under the default policy, and the result says why instead of inventing one.
        Assert.Empty(result.AdSlots);
        Assert.Contains("shorter than twice the 120 s margin", result.AdPolicy?.Note, StringComparison.Ordinal);
        Assert.Equal(committed.AdPolicy?.Note, result.AdPolicy?.Note);
        Assert.Equal(365, result.Video.FrameCount);
    }

    [Fact]
    public async Task Detect_WithOutput_WritesFileAtomically()
    {
        var path = Path.Combine(_folder, "out.json");

        var (code, output, error) = await CliRunner.RunAsync("detect", "samples/demo/demo.mp4", "-o", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(string.Empty, output.Trim());
        Assert.Contains("6 shots", error);
        Assert.Equal(6, ResultJson.Deserialize(await File.ReadAllTextAsync(path)).Shots.Count);
        Assert.Equal(["out.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Detect_OutDirMissing_IsCreatedAndTimesAreRounded()
    {
        var outDir = Path.Combine(_folder, "new", "results");

        var (code, _, error) = await CliRunner.RunAsync("detect", "samples/demo/demo.mp4", "--format", "json,csv", "--out-dir", outDir);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(outDir, error);
        var json = await File.ReadAllTextAsync(Path.Combine(outDir, "demo.json"));
        Assert.True(File.Exists(Path.Combine(outDir, "demo.csv")));
        // 365 frames at 25 fps: 14.6 s, never 14.600000000000001.
        Assert.Contains("\"durationSeconds\": 14.6,", json, StringComparison.Ordinal);
        Assert.All(json.Split('\n').Where(l => l.Contains("Seconds\":", StringComparison.Ordinal)), l => Assert.DoesNotMatch(@"\d\.\d{7,}", l));
    }

    [Fact]
    public async Task Detect_Hls_ConditionedCopyBesideTheResult_MidSegmentSlotInTheWarnings()
    {
        // The segments ffmpeg's HLS muxer cuts demo.mp4 into at -hls_time 2 (at its key frames).
        var playlist = Path.Combine(_folder, "demo-src.m3u8");
        double[] durations = [2.4, 1.92, 2.08, 1.92, 1.88, 2.0, 1.92, 0.48];
        await File.WriteAllTextAsync(playlist, "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n"
            + string.Concat(durations.Select((d, i) => FormattableString.Invariant($"#EXTINF:{d:0.000000},\ndemo{i}.ts\n"))) + "#EXT-X-ENDLIST\n");
        var outDir = Path.Combine(_folder, "out");

        // A policy loose enough for the 14.6 s demo to get its slot (after the black run, 10.28 s).
        var (code, _, error) = await CliRunner.RunAsync(
            "detect", "samples/demo/demo.mp4", "--out-dir", outDir, "--hls", playlist, "--min-slot-gap", "1", "--slot-margin", "1", "--min-slot-score", "0");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains(Path.Combine(outDir, "demo.m3u8"), error, StringComparison.Ordinal);
        var result = ResultJson.Deserialize(await File.ReadAllTextAsync(Path.Combine(outDir, "demo.json")));
        var slot = Assert.Single(result.AdSlots);
        Assert.Equal(10.28, slot.Seconds);
        Assert.Contains("hls: ad slot 1 at 10.28 s falls mid-segment in demo-src.m3u8; marked at the boundary before demo5.ts (10.2 s), 0.08 s before the slot", result.Processing.Warnings);
        var lines = await File.ReadAllLinesAsync(Path.Combine(outDir, "demo.m3u8"));
        var segment = Array.IndexOf(lines, "demo5.ts");
        Assert.Equal(["#EXT-X-CUE-OUT:DURATION=30", "#EXT-X-CUE-IN", "#EXTINF:2.000000,"], lines[(segment - 3)..segment]);
        Assert.StartsWith("#EXT-X-DATERANGE:ID=\"scenecut-slot-1\",START-DATE=\"1970-01-01T00:00:10.200Z\"", lines[segment - 4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_HlsPlaylistMissing_InvalidSettingsBeforeAnalysing()
    {
        var (code, _, error) = await CliRunner.RunAsync("detect", "samples/demo/demo.mp4", "--out-dir", _folder, "--hls", Path.Combine(_folder, "none.m3u8"));

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("none.m3u8: the playlist does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detect_MissingFile_ExitCode3AndNamesTheFile()
    {
        var (code, _, error) = await CliRunner.RunAsync("detect", "no-such-video.mp4");

        Assert.Equal(ExitCodes.InputNotFound, code);
        Assert.Contains("no-such-video.mp4: file not found", error);
    }

    [Fact]
    public async Task Detect_EmptyFile_ExitCode4()
    {
        var path = Path.Combine(_folder, "empty.mp4");
        await File.WriteAllBytesAsync(path, []);

        var (code, _, error) = await CliRunner.RunAsync("detect", path);

        Assert.Equal(ExitCodes.InputEmpty, code);
        Assert.Contains(path, error);
    }

    [Theory]
    [InlineData("audio.m4a", "aac", "auto")]
    [InlineData("audio.wav", "pcm_s16le", "auto")]
    [InlineData("audio.m4a", "aac", "opencv")]
    public async Task Detect_AudioOnly_ExitCode6WithOneErrorLineAndNothingElseOnStderr(string name, string codec, string decoder)
    {
        var path = Path.Combine(_folder, name);
        AudioOnly(path, codec);

        // Scenes on (the default): the model loader runs while the file is opened, and ONNX Runtime used to print
        // "Exception during initialization: GetElementType is not implemented" when the error ended the process under it.
        var (code, _, error) = await CliRunner.RunAsync("detect", path, "--decoder", decoder);

        Assert.Equal(ExitCodes.InputNotAVideo, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"scenecut: error: {path}: ", line, StringComparison.Ordinal);
        if (decoder == "auto")
        {
            Assert.EndsWith("no video stream (FFmpeg found only audio)", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Detect_NotAVideo_ExitCode6()
    {
        var path = Path.Combine(_folder, "readme.mp4");
        await File.WriteAllTextAsync(path, "not a video");

        var (code, _, error) = await CliRunner.RunAsync("detect", path);

        Assert.True(code is ExitCodes.InputNotAVideo or ExitCodes.InputNoFrames, $"exit {code}: {error}");
        Assert.Contains(path, error);
    }

    [Fact]
    public async Task Detect_OutputFolderMissing_ExitCode8AndNamesTheFile()
    {
        var path = Path.Combine(_folder, "no-such-folder", "out.json");

        var (code, _, error) = await CliRunner.RunAsync("detect", "samples/demo/demo.mp4", "-o", path);

        Assert.Equal(ExitCodes.OutputNotWritable, code);
        Assert.Contains(path, error);
    }

    [Fact]
    public async Task Detect_InvalidSetting_ExitCode10NamesTheSetting()
    {
        var config = Path.Combine(_folder, "bad.json");
        await File.WriteAllTextAsync(config, """{ "SceneCut": { "Shots": { "CutRatio": 0.1 } } }""");

        var (code, _, error) = await CliRunner.RunAsync("detect", "samples/demo/demo.mp4", "--config", config);

        Assert.Equal(ExitCodes.InvalidConfiguration, code);
        Assert.Contains("CutRatio", error);
    }

    private static void AudioOnly(string path, string codec)
    {
        using var ffmpeg = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(
            "ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", "-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:a", codec, path]))!;
        ffmpeg.WaitForExit();
        Assert.Equal(0, ffmpeg.ExitCode);
    }
}
