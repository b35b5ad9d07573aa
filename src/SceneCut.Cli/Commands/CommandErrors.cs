using System.ComponentModel.DataAnnotations;
using SceneCut.Video;

namespace SceneCut.Cli.Commands;

/// <summary>Runs a command body and turns every expected failure into a one-line message on stderr and its exit code.</summary>
public static class CommandErrors
{
    /// <summary>Runs <paramref name="body"/>; returns its exit code or the code of the failure it raised.</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body, TextWriter error)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (VideoInputException ex)
        {
            await error.WriteLineAsync($"scenecut: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.For(ex.Error);
        }
        catch (OutputNotWritableException ex)
        {
            await error.WriteLineAsync($"scenecut: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.OutputNotWritable;
        }
        catch (NativeLibraryMissingException ex)
        {
            await error.WriteLineAsync($"scenecut: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.NativeLibraryMissing;
        }
        catch (ValidationException ex)
        {
            await error.WriteLineAsync($"scenecut: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.InvalidConfiguration;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or InvalidDataException)
        {
            await error.WriteLineAsync($"scenecut: error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("scenecut: cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }
}
