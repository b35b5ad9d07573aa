using System.Text.Json;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>
/// The ad-tech ecosystem's own parsers (Comcast scte35, m3u8-parser, hls-parser, mpd-parser, @dailymotion/vmap),
/// installed by <c>.ci/deps</c> into <c>tests/node-parsers</c> and run through its <c>read.mjs</c>.
/// </summary>
public static class NodeParsers
{
    /// <summary>Why a parser test is skipped: only when Node.js is missing outside CI (CI installs it and must run them).</summary>
    public static string? SkipReason { get; } = FindNode() is null && Environment.GetEnvironmentVariable("CI") is null
        ? "Node.js is not installed (`node` is not on PATH); run .ci/deps to install it and the parsers these tests read our outputs with."
        : null;

    /// <summary>The folder with package.json, read.mjs and node_modules.</summary>
    public static string Folder { get; } = Path.Combine(SharedData.RepositoryRoot, "tests", "node-parsers");

    /// <summary>What <c>node read.mjs <paramref name="command"/> <paramref name="path"/></c> printed; fails the test with the fix when the parsers are not installed.</summary>
    public static async Task<JsonElement> ReadAsync(string command, string path)
    {
        Assert.True(
            Directory.Exists(Path.Combine(Folder, "node_modules", "scte35")),
            $"The Node.js parsers are not installed in {Folder}/node_modules; run .ci/deps (it runs `npm ci` there).");
        var output = await ExternalTool.RunAsync("node", [Path.Combine(Folder, "read.mjs"), command, path], TimeSpan.FromMinutes(1));
        using var json = JsonDocument.Parse(output);
        return json.RootElement.Clone();
    }

    private static string? FindNode() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);
}
