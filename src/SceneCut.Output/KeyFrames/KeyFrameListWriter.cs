using System.Text;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.KeyFrames;

/// <summary>
/// The <c>keyframes</c> format: one line of comma-separated slot times for
/// <c>ffmpeg -force_key_frames "$(cat movie.keyframes.txt)"</c>, so a re-encode starts a closed GOP (an IDR frame
/// with x264/x265) on every slot's frame and a packager can cut a segment there.
/// </summary>
internal sealed class KeyFrameListWriter : IResultWriter
{
    // ffmpeg forces a key frame on the first frame at or after each time; a time a hair after the slot's frame
    // (from rounding) would move it to the next frame, so each is written a quarter frame early.
    private const double EarlyByFrames = 0.25;

    public string Format => OutputFormats.KeyFrames;

    public string FileExtension => ".keyframes.txt";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var early = EarlyByFrames / VideoClock.Fps(document.Video);
        var times = document.AdSlots.Select(s => Invariant.Seconds(ResultTimes.Round(Math.Max(0, s.Seconds - early))));
        await output.WriteAsync(Encoding.ASCII.GetBytes(string.Join(',', times) + "\n"), cancellationToken).ConfigureAwait(false);
    }
}
