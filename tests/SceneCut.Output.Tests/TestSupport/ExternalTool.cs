using System.Diagnostics;
using System.Text;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>
/// The real consumers the outputs are checked against (ffmpeg, ffprobe, chromium). A missing one fails the test with
/// the fix, never skips it: CI installs them with <c>.ci/deps</c>.
/// </summary>
public static class ExternalTool
{
    /// <summary>Full path of <paramref name="name"/> on PATH; fails the test when absent.</summary>
    public static string Require(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail($"'{name}' is not installed; run .ci/deps (it installs ffmpeg and chromium, as CI does).");
        return name;
    }

    /// <summary>Runs <paramref name="tool"/> and returns its stdout; fails the test with stderr on a non-zero exit.</summary>
    public static async Task<string> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout) =>
        (await RunWithErrorsAsync(tool, arguments, timeout)).Output;

    /// <summary>Runs <paramref name="tool"/> and returns stdout and stderr; fails the test on a non-zero exit.</summary>
    public static async Task<(string Output, string Errors)> RunWithErrorsAsync(string tool, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        using var cancel = new CancellationTokenSource(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(cancel.Token);
        var stderr = process.StandardError.ReadToEndAsync(cancel.Token);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', start.ArgumentList)} took longer than {timeout}.");
        }

        var output = await stdout;
        var errors = await stderr;
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}:\n{errors}");
        return (output, errors);
    }
}
