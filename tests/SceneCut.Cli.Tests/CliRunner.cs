using System.Diagnostics;

namespace SceneCut.Cli.Tests;

/// <summary>Runs the real <c>scenecut</c> executable (built beside the tests) as a child process.</summary>
public static class CliRunner
{
    /// <summary>The repository root (the folder holding SceneCut.sln).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Runs <c>scenecut</c> with <paramref name="arguments"/>; returns exit code, stdout and stderr.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scenecut.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SceneCut.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SceneCut.sln not found");
    }
}
