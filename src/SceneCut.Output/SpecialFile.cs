using System.Runtime.InteropServices;

namespace SceneCut.Output;

/// <summary>
/// Tells device files, pipes and sockets (<c>/dev/null</c>, <c>/dev/stdout</c>, a FIFO) from regular files on Linux:
/// these are written in place, since renaming a temporary file over one would replace the device with a plain file.
/// </summary>
internal static partial class SpecialFile
{
    private const uint TypeMask = 0xF000; // S_IFMT
    private const uint Regular = 0x8000; // S_IFREG
    private const uint Directory = 0x4000; // S_IFDIR

    /// <summary>True when <paramref name="path"/> exists and (after following links) is neither a regular file nor a folder.</summary>
    public static bool Is(string path)
    {
        // struct stat's st_mode: after st_dev, st_ino, st_nlink on x86-64; after st_dev, st_ino on the generic layout (arm64).
        var modeOffset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || modeOffset < 0)
        {
            return false;
        }

        var buffer = new byte[256]; // larger than struct stat on every Linux ABI
        if (Stat(path, buffer) != 0)
        {
            return false;
        }

        var type = BitConverter.ToUInt32(buffer, modeOffset) & TypeMask;
        return type is not (Regular or Directory);
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, byte[] buffer);
}
