using System.Text;

namespace SceneCut.Output;

/// <summary>Writes files so a reader sees either no file, the old one, or the whole new one, never half of it.</summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, flushes it to disk, then
    /// renames it over. The folder must exist; I/O errors are thrown as they come. A device, pipe or socket
    /// (<c>-o /dev/null</c>, <c>-o /dev/stdout</c>) is written in place: a rename would replace it with a plain file.
    /// </summary>
    public static async Task WriteAllBytesAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        if (SpecialFile.Is(full))
        {
            await using var device = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            await device.WriteAsync(content, cancellationToken).ConfigureAwait(false);
            return;
        }

        var directory = Path.GetDirectoryName(full) ?? ".";
        // A unique temporary name: two writers (or a crashed earlier run) never share one.
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                // The rename must never be durable before the data it points at.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte-order mark, atomically.</summary>
    public static Task WriteAllTextAsync(string path, string content, CancellationToken cancellationToken) =>
        WriteAllBytesAsync(path, Utf8NoBom.GetBytes(content), cancellationToken);

    /// <summary>Deletes <paramref name="path"/> when it exists; false when it could not.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
