using System.Diagnostics;
using System.Text;
using SceneCut.Testing;

namespace SceneCut.Output.Tests;

/// <summary>Whole files or none for regular files; devices and pipes (-o /dev/null, a FIFO) written in place, never replaced.</summary>
public sealed class AtomicFileTests
{
    [Fact]
    public async Task WriteAllBytes_RegularFile_ReplacesItWholeAndLeavesNoTemporary()
    {
        using var folder = new TempFolder();
        var path = folder.File("result.json");
        await File.WriteAllTextAsync(path, "old, longer than the new content");

        await AtomicFile.WriteAllTextAsync(path, "new", CancellationToken.None);

        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(["result.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [LinuxFact]
    public async Task WriteAllBytes_Fifo_WritesIntoThePipeWhichStaysAPipe()
    {
        using var folder = new TempFolder();
        var pipe = folder.File("pipe");
        using (var mkfifo = Process.Start("mkfifo", pipe))
        {
            await mkfifo.WaitForExitAsync();
        }

        // The reader opens the pipe too: each side's open waits for the other's.
        var reader = Task.Run(() => File.ReadAllText(pipe));
        await AtomicFile.WriteAllBytesAsync(pipe, Encoding.UTF8.GetBytes("{\"schemaVersion\": 1}"), CancellationToken.None);
        var received = await reader.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("{\"schemaVersion\": 1}", received);
        Assert.True(SpecialFile.Is(pipe), "the FIFO was replaced by a plain file");
        Assert.Equal(["pipe"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [LinuxFact]
    public void SpecialFile_TellsDevicesFromFilesAndFolders()
    {
        using var folder = new TempFolder();
        var file = folder.File("plain.txt");
        File.WriteAllText(file, "x");

        Assert.True(SpecialFile.Is("/dev/null"));
        Assert.False(SpecialFile.Is(file));
        Assert.False(SpecialFile.Is(folder.Path));
        Assert.False(SpecialFile.Is(folder.File("missing")));
    }
}
