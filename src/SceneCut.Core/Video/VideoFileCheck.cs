namespace SceneCut.Video;

/// <summary>
/// Checks a path before the decoder sees it, so missing, empty and unreadable files get a precise cause instead of
/// the decoder's generic "could not open".
/// </summary>
public static class VideoFileCheck
{
    /// <summary>Throws <see cref="VideoInputException"/> unless <paramref name="path"/> is a non-empty regular file this process can read.</summary>
    public static void EnsureReadable(string path)
    {
        if (Directory.Exists(path))
        {
            throw new VideoInputException(path, VideoInputError.Unreadable, "is a directory, not a video file");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new VideoInputException(path, VideoInputError.NotFound, "file not found");
        }

        if (file.Length == 0)
        {
            throw new VideoInputException(path, VideoInputError.Empty, "file is empty (0 bytes)");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
            Span<byte> first = stackalloc byte[1];
            _ = stream.Read(first);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new VideoInputException(path, VideoInputError.Unreadable, "permission denied when opening the file for reading", ex);
        }
        catch (IOException ex)
        {
            throw new VideoInputException(path, VideoInputError.Unreadable, $"cannot be read: {ex.Message}", ex);
        }
    }
}
