using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace SceneCut.Video;

/// <summary>
/// Runs a short FFmpeg program to completion. Arguments go through <see cref="ProcessStartInfo.ArgumentList"/>, one
/// argv element each, so no file name is ever parsed by a shell.
/// </summary>
internal static class FfmpegCommand
{
    /// <summary>Runs <paramref name="program"/>; kills it (and its children) when it outlives <paramref name="timeout"/> or <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="Win32Exception">The program does not exist or is not executable.</exception>
    /// <exception cref="TimeoutException">The program did not finish in time.</exception>
    public static FfmpegCommandResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = CreateStartInfo(program, arguments) };
        process.Start();
        // Both pipes are drained at once: a child that fills one pipe while we wait on the other would block forever.
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            process.WaitForExitAsync(timeoutSource.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{program} did not finish within {timeout.TotalSeconds:0} s");
        }

        return new FfmpegCommandResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>The start info every FFmpeg child gets: no shell, no window, redirected pipes, UTF-8 text.</summary>
    public static ProcessStartInfo CreateStartInfo(string program, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return startInfo;
    }

    /// <summary>Ends <paramref name="process"/> and its children and waits until the OS has reaped it, so nothing lingers.</summary>
    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started or already disposed: nothing to end.
        }
        catch (Win32Exception)
        {
            // Exited between the check and the kill.
        }
    }
}
