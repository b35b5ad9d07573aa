using System.Diagnostics;

namespace SceneCut.Cli.Tests.Commands;

/// <summary>
/// A machine without GTK: OpenCvSharp's native library cannot load. The user must get the missing library's name
/// and the command that installs it, not a DllNotFoundException. Simulated by hiding libgtk-3.so.0 behind
/// /dev/null in a private mount namespace (needs root and util-linux's unshare, as in CI).
/// </summary>
public sealed class NativeLibraryMissingTests
{
    private const string Gtk = "/usr/lib/x86_64-linux-gnu/libgtk-3.so.0";

    [Fact]
    public async Task Detect_WithoutGtk_NamesTheLibraryAndTheFix()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists(Gtk) || !File.Exists("/usr/bin/unshare"))
        {
            Assert.Fail("This test needs Linux, root, /usr/bin/unshare and libgtk-3-0 installed (run .ci/deps); CI has all four.");
        }

        var target = new FileInfo(Gtk).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Gtk;
        var start = new ProcessStartInfo("/usr/bin/unshare")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = CliRunner.RepositoryRoot,
        };
        foreach (var argument in new[]
                 {
                     "-m", "sh", "-c", "mount --bind /dev/null \"$1\" && exec dotnet \"$2\" detect samples/demo/demo.mp4", "sh",
                     target, Path.Combine(AppContext.BaseDirectory, "scenecut.dll"),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ExitCodes.NativeLibraryMissing, process.ExitCode);
        Assert.Contains("libgtk-3.so.0 is missing", error);
        Assert.Contains("apt-get install -y libgtk-3-0", error);
        Assert.DoesNotContain("DllNotFoundException", error);
    }
}
