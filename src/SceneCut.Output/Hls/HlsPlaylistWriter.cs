using System.Text;
using SceneCut.Output.Scte35;
using SceneCut.Results;

namespace SceneCut.Output.Hls;

/// <summary>
/// The <c>hls</c> format: a conditioned copy of the playlist named by <see cref="OutputOptions.HlsPlaylist"/> (see
/// <see cref="HlsConditioner"/>). Segment URIs are copied as they are, so put the copy beside the original or rewrite them.
/// </summary>
internal sealed class HlsPlaylistWriter : IResultWriter
{
    public string Format => OutputFormats.Hls;

    public string FileExtension => ".m3u8";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var conditioning = await ConditionAsync(document, context.Options, cancellationToken).ConfigureAwait(false);
        await output.WriteAsync(Encoding.UTF8.GetBytes(conditioning.Text), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The playlist of <paramref name="document"/>'s video: <see cref="OutputOptions.HlsPlaylist"/> with <c>{name}</c>
    /// replaced by the video's file name without extension; a relative path is taken from the video's folder, so one
    /// setting serves every file of a batch or a watch folder.
    /// </summary>
    public static string PlaylistPath(ResultDocument document, OutputOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.HlsPlaylist))
        {
            throw new InvalidOperationException("The hls format needs SceneCut:Output:HlsPlaylist (--hls <playlist.m3u8>): the playlist to condition.");
        }

        var path = options.HlsPlaylist.Replace("{name}", Path.GetFileNameWithoutExtension(VideoClock.FileName(document.Video)), StringComparison.Ordinal);
        return Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(document.Video.Path)) ?? "", path);
    }

    /// <summary>
    /// Reads and conditions the playlist of <paramref name="document"/>. An unreadable or malformed one is an
    /// <see cref="InvalidDataException"/> naming it: a fault of the input, which retrying the output write cannot mend.
    /// </summary>
    public static async Task<HlsConditioning> ConditionAsync(ResultDocument document, OutputOptions options, CancellationToken cancellationToken)
    {
        var path = PlaylistPath(document, options);
        HlsMediaPlaylist playlist;
        try
        {
            playlist = HlsMediaPlaylist.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is FormatException or UnauthorizedAccessException or IOException)
        {
            throw new InvalidDataException($"{path}: cannot condition the HLS playlist: {e.Message}", e);
        }

        return HlsConditioner.Condition(playlist, SlotSignals.For(document, options), VideoClock.Fps(document.Video), options.AdBreakSeconds);
    }
}
