using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace SceneCut.Worker.Tests.Fuzz;

/// <summary>
/// The fuzz corpus (≥ 100 broken and odd files, seeded) through <c>scenecut batch</c> in a child process, scenes on:
/// every file ends with a result or an error document naming the cause, nothing hangs (each file is bounded by the job
/// timeout, the whole run by the test), the host neither crashes nor grows past a memory bound, and stderr carries
/// nothing but SceneCut's own lines.
/// </summary>
public sealed class FuzzCorpusTests(ITestOutputHelper log)
{
    private const int Seed = 20261203;

    // One file may take this long before the job timeout stops it: a hang shows as a Timeout error document.
    private const int FileTimeoutSeconds = 120;

    // The whole run: 102 small files on 2 cores take about 2–3 minutes.
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(12);

    // The batch host with the CNN and the scene model loaded and two files decoding: far below this unless something leaks.
    private const long PeakMemoryLimitBytes = 2L * 1024 * 1024 * 1024;

    [SharedDataFact]
    public async Task Batch_FuzzCorpus_EveryFileGetsAResultOrAClearError_NoHangNoCrashNoNoise()
    {
        using var folder = new TempFolder();
        var input = folder.Sub("corpus");
        var output = Path.Combine(folder.Path, "results");
        var files = FuzzCorpus.Write(input, Seed);
        Assert.True(files.Count >= 100, $"the corpus has {files.Count} files");
        var config = Path.Combine(folder.Path, "fuzz.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new
        {
            Worker = new
            {
                Jobs = new
                {
                    // Every file once: the same bytes fail the same way, and the corpus is about the first answer.
                    MaxAttempts = 1,
                    Resilience = new { Timeout = new { BaseSeconds = FileTimeoutSeconds, SecondsPerMediaSecond = 0, MaxSeconds = FileTimeoutSeconds } },
                },
            },
        }));

        var run = await RunBatchAsync(["batch", Path.Combine(input, "*"), "--out", output, "--parallel", "2", "--config", config]);

        Assert.True(run.ExitCode is 0 or 11, $"batch exited {run.ExitCode} (a crash of the host?): {run.Error}");
        // SceneCut's own lines: errors and warnings ("scenecut: …") and batch progress ("[12/102] Analysed …").
        var noise = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("scenecut: ", StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(l, @"^\[\d+/\d+\] ")).ToList();
        Assert.True(noise.Count == 0, "stderr carries lines that are not SceneCut's:\n" + string.Join('\n', noise.Take(20)));
        Assert.True(run.PeakMemoryBytes < PeakMemoryLimitBytes, $"peak memory {run.PeakMemoryBytes / (1024 * 1024)} MiB");
        var problems = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var result = Path.Combine(output, name + ".scenecut.json");
            var error = Path.Combine(output, name + ".scenecut.error.json");
            if (File.Exists(result) == File.Exists(error))
            {
                problems.Add($"{name}: {(File.Exists(result) ? "both a result and an error" : "neither a result nor an error")}");
                continue;
            }

            if (File.Exists(error))
            {
                var document = JsonDocument.Parse(await File.ReadAllTextAsync(error)).RootElement;
                var kind = document.GetProperty("error").GetString();
                var message = document.GetProperty("message").GetString();
                // Timeout = a decode that did not end; Error = an exception nobody expected: neither is a clear cause.
                if (kind is "Timeout" or "Error" || string.IsNullOrWhiteSpace(message))
                {
                    problems.Add($"{name}: {kind}: {message}");
                }
            }
        }

        var analysed = files.Count(f => File.Exists(Path.Combine(output, Path.GetFileName(f) + ".scenecut.json")));
        log.WriteLine($"{files.Count} files: {analysed} analysed, {files.Count - analysed} with an error document; peak memory {run.PeakMemoryBytes / (1024 * 1024)} MiB");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        // The intact long video really was analysed to its end, not cut short.
        var black = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "black-hour.mp4.scenecut.json"))).RootElement;
        Assert.Equal(18000, black.GetProperty("video").GetProperty("frameCount").GetInt32());
    }

    private static async Task<(int ExitCode, string Error, long PeakMemoryBytes)> RunBatchAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // scenecut.dll as built beside these tests: its dependencies resolve through this project's deps file and the
        // worker's runtime config (the ASP.NET Core framework supplies Microsoft.Extensions.* here).
        foreach (var argument in (string[])["exec", "--depsfile", Path.Combine(AppContext.BaseDirectory, "SceneCut.Worker.Tests.deps.json"),
                     "--runtimeconfig", Path.Combine(AppContext.BaseDirectory, "scenecut-worker.runtimeconfig.json"), Path.Combine(AppContext.BaseDirectory, "scenecut.dll")])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(RunLimit);
        var peak = 0L;
        try
        {
            while (!process.HasExited)
            {
                process.Refresh();
                // VmHWM of the child, the high-water mark of its resident memory.
                peak = Math.Max(peak, process.PeakWorkingSet64);
                await Task.Delay(TimeSpan.FromMilliseconds(250), limit.Token);
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"batch over the fuzz corpus did not finish within {RunLimit.TotalMinutes} minutes (a hang)");
        }

        await process.WaitForExitAsync(CancellationToken.None);
        _ = await output;
        return (process.ExitCode, await error, peak);
    }
}
