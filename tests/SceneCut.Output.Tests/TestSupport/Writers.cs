using System.Text;
using SceneCut.Results;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>Runs a writer into memory or a file.</summary>
public static class Writers
{
    /// <summary>The output of format <paramref name="format"/> as text.</summary>
    public static async Task<string> WriteAsync(string format, ResultDocument document, WriterContext? context = null)
    {
        using var stream = new MemoryStream();
        await ResultWriterRegistry.Default.Get(format).WriteAsync(document, stream, context ?? WriterContext.Default, CancellationToken.None);
        return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(stream.ToArray());
    }

    /// <summary>Writes format <paramref name="format"/> into <paramref name="folder"/> as <c>basename + extension</c>; returns the path.</summary>
    public static async Task<string> WriteFileAsync(string format, ResultDocument document, TempFolder folder, string baseName, WriterContext? context = null)
    {
        var writer = ResultWriterRegistry.Default.Get(format);
        var path = OutputPaths.For(Path.Combine(folder.Path, baseName), writer);
        await using (var stream = File.Create(path))
        {
            await writer.WriteAsync(document, stream, context ?? WriterContext.Default, CancellationToken.None);
        }

        return path;
    }
}
