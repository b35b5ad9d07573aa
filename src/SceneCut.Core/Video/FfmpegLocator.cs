using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SceneCut.Video;

/// <summary>
/// Finds <c>ffmpeg</c> and <c>ffprobe</c> (a configured path or <c>PATH</c>) and checks once per process that they
/// actually run: a broken install must not be chosen by <see cref="DecoderKind.Auto"/>.
/// </summary>
public static partial class FfmpegLocator
{
    private static readonly ConcurrentDictionary<string, Lazy<FfmpegLookup>> Cache = new(StringComparer.Ordinal);

    /// <summary>The working tools, or null with the reason in <paramref name="problem"/>.</summary>
    public static FfmpegTools? TryLocate(DecodingOptions options, out string? problem)
    {
        var key = options.FfmpegPath ?? string.Empty;
        var timeout = TimeSpan.FromSeconds(options.ProbeTimeoutSeconds);
        var lookup = Cache.GetOrAdd(key, k => new Lazy<FfmpegLookup>(() => Lookup(k.Length == 0 ? null : k, timeout), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        problem = lookup.Problem;
        return lookup.Tools;
    }

    /// <summary>The working tools; throws <see cref="NativeLibraryMissingException"/> saying what is missing and how to install it.</summary>
    public static FfmpegTools Locate(DecodingOptions options)
    {
        var tools = TryLocate(options, out var problem);
        if (tools is not null)
        {
            return tools;
        }

        var fix = OperatingSystem.IsWindows() ? "winget install Gyan.FFmpeg" : "sudo apt-get install -y ffmpeg";
        throw new NativeLibraryMissingException(
            $"the FFmpeg decoder was requested but {problem}. Install FFmpeg ({fix}), set SceneCut:Decoding:FfmpegPath, " +
            "or choose another decoder (--decoder opencv).",
            fix,
            null);
    }

    private static FfmpegLookup Lookup(string? configured, TimeSpan timeout)
    {
        var ffmpeg = ResolveProgram(configured, "ffmpeg");
        if (ffmpeg is null)
        {
            return new FfmpegLookup(null, configured is null ? "ffmpeg is not on PATH" : $"no ffmpeg executable at '{configured}'");
        }

        var folder = configured is null ? null : Path.GetDirectoryName(ffmpeg);
        var ffprobe = ResolveProgram(folder, "ffprobe");
        if (ffprobe is null)
        {
            return new FfmpegLookup(null, $"ffprobe is missing (looked {(folder is null ? "on PATH" : "in " + folder)}; it ships with ffmpeg)");
        }

        try
        {
            // Four small runs, each mostly FFmpeg loading its libraries (~0.1 s): side by side, not one after another.
            // Threads of their own, not the pool: this caller blocks on them, and a worker's pool must not starve.
            Task<FfmpegCommandResult> Start(string program, string[] arguments) => Task.Factory.StartNew(
                () => FfmpegCommand.Run(program, arguments, timeout, CancellationToken.None),
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);

            var versionRun = Start(ffmpeg, ["-hide_banner", "-version"]);
            var probeRun = Start(ffprobe, ["-hide_banner", "-version"]);
            // showinfo's options are listed by the filter help; asking is cheaper than guessing from version numbers.
            var showInfoRun = Start(ffmpeg, ["-hide_banner", "-h", "filter=showinfo"]);
            // The CNN's samples travel over a Unix domain socket where this build can write to one.
            var protocolsRun = Start(ffmpeg, ["-hide_banner", "-protocols"]);
            var version = versionRun.GetAwaiter().GetResult();
            if (version.ExitCode != 0)
            {
                return new FfmpegLookup(null, $"'{ffmpeg} -version' failed with exit code {version.ExitCode}: {Last(version.StandardError)}");
            }

            var probe = probeRun.GetAwaiter().GetResult();
            if (probe.ExitCode != 0)
            {
                return new FfmpegLookup(null, $"'{ffprobe} -version' failed with exit code {probe.ExitCode}: {Last(probe.StandardError)}");
            }

            var showInfo = showInfoRun.GetAwaiter().GetResult();
            var protocols = protocolsRun.GetAwaiter().GetResult();
            var versionText = ParseVersion(version.StandardOutput);
            return new FfmpegLookup(
                new FfmpegTools(
                    ffmpeg,
                    ffprobe,
                    versionText,
                    SupportsFpsMode(versionText),
                    showInfo.StandardOutput.Contains("checksum", StringComparison.Ordinal),
                    HasOutputProtocol(protocols.StandardOutput, "unix")),
                null);
        }
        catch (Exception ex) when (ex is Win32Exception or TimeoutException or IOException)
        {
            return new FfmpegLookup(null, $"'{ffmpeg}' does not run: {ex.Message}");
        }
    }

    /// <summary>The version token after "ffmpeg version", e.g. <c>5.1.9-0+deb12u1</c> or <c>N-112233-gabcdef</c>.</summary>
    internal static string ParseVersion(string versionOutput)
    {
        var match = VersionPattern().Match(versionOutput);
        return match.Success ? match.Groups[1].Value : "unknown";
    }

    /// <summary>True when <c>ffmpeg -protocols</c> lists <paramref name="name"/> under its output protocols.</summary>
    internal static bool HasOutputProtocol(string protocolsOutput, string name)
    {
        var lines = protocolsOutput.Split('\n', StringSplitOptions.TrimEntries);
        var output = Array.FindIndex(lines, l => l.StartsWith("Output:", StringComparison.Ordinal));
        return output >= 0 && lines.Skip(output + 1).Any(l => string.Equals(l, name, StringComparison.Ordinal));
    }

    /// <summary>
    /// True from FFmpeg 5.1 on. Development builds (<c>N-…</c>, git hashes) are newer than every release; Debian/Ubuntu
    /// epochs and suffixes (<c>7:4.4.2-0ubuntu0.22.04.1</c>) are ignored.
    /// </summary>
    internal static bool SupportsFpsMode(string version)
    {
        var match = NumericVersionPattern().Match(version);
        if (!match.Success)
        {
            return true;
        }

        var major = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minor = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        return major > 5 || (major == 5 && minor >= 1);
    }

    private static string? ResolveProgram(string? configured, string name)
    {
        var fileName = OperatingSystem.IsWindows() ? name + ".exe" : name;
        if (configured is not null)
        {
            if (Directory.Exists(configured))
            {
                var inFolder = Path.Combine(configured, fileName);
                return File.Exists(inFolder) ? Path.GetFullPath(inFolder) : null;
            }

            return File.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var candidate = Path.Combine(folder, fileName);
            if (File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        return null;
    }

    private static string Last(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : lines[^1];
    }

    [GeneratedRegex(@"version\s+(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?:\d+:)?(\d+)\.(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericVersionPattern();

    private sealed record FfmpegLookup(FfmpegTools? Tools, string? Problem);
}
