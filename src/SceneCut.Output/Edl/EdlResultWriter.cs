using System.Globalization;
using System.Text;
using SceneCut.Output.Text;
using SceneCut.Results;

namespace SceneCut.Output.Edl;

/// <summary>
/// CMX 3600 EDL: one cut event per shot, source and record timecode both counted from the configured start timecode
/// at the configured (or the video's) rate, drop-frame aware. Transitions, scene starts and ad slots ride along as
/// <c>*</c> comment lines, which editors keep and ignore.
/// </summary>
internal sealed class EdlResultWriter : IResultWriter
{
    // AX: "auxiliary source", the reel name editors use for a file rather than a tape.
    public const string Reel = "AX";

    // CMX 3600 numbers events with 3 digits; longer lists continue with 4 (as NLEs that export >999 events do).
    private const string EventNumberFormat = "000";

    public string Format => OutputFormats.Edl;

    public string FileExtension => ".edl";

    public async Task WriteAsync(ResultDocument document, Stream output, WriterContext context, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var fps = options.EdlFrameRate ?? VideoClock.Fps(document.Video);
        var drop = options.EdlDropFrame ?? Timecode.IsDropFrameRate(fps);
        var start = Timecode.Parse(options.EdlStartTimecode);
        var name = SingleLine.From(VideoClock.FileName(document.Video));
        var scenesByShot = document.Scenes.GroupBy(s => s.FirstShot).ToDictionary(g => g.Key, g => g.First());
        var slots = document.AdSlots.Select((slot, i) => (slot, number: i + 1)).OrderBy(s => s.slot.Frame).ToList();
        var nextSlot = 0;

        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync($"TITLE: {name}").ConfigureAwait(false);
            await writer.WriteLineAsync(drop ? "FCM: DROP FRAME" : "FCM: NON-DROP FRAME").ConfigureAwait(false);
            foreach (var shot in document.Shots)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var inTc = Timecode.FromFrame(shot.StartFrame, fps, drop, start).ToString();
                var outTc = Timecode.FromFrame(shot.EndFrame + 1L, fps, drop, start).ToString();
                await writer.WriteLineAsync().ConfigureAwait(false);
                await writer.WriteLineAsync(
                    $"{EventNumber(shot.Index + 1)}  {Reel,-8} {"V",-5} {"C",-8} {inTc} {outTc} {inTc} {outTc}").ConfigureAwait(false);
                await writer.WriteLineAsync($"* FROM CLIP NAME: {name}").ConfigureAwait(false);
                if (shot.TransitionIn is { } t)
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"* TRANSITION IN: {SingleLine.From(t.Kind)} FRAMES {t.StartFrame}-{t.EndFrame} SCORE {Invariant.Score(t.Score)}")).ConfigureAwait(false);
                }

                if (scenesByShot.TryGetValue(shot.Index, out var scene))
                {
                    await writer.WriteLineAsync($"* SCENE {scene.Index + 1} START BOUNDARY SCORE {Invariant.Score(scene.BoundaryScore)}").ConfigureAwait(false);
                }

                // Slots sorted by frame: each goes under the shot that contains its frame.
                for (; nextSlot < slots.Count && slots[nextSlot].slot.Frame <= shot.EndFrame; nextSlot++)
                {
                    var (slot, number) = slots[nextSlot];
                    var tc = Timecode.FromFrame(Math.Max(0, slot.Frame), fps, drop, start);
                    var reasons = SingleLine.From(string.Join(", ", slot.Reasons));
                    await writer.WriteLineAsync($"* AD SLOT {number} AT {tc} SCORE {Invariant.Score(slot.Score)} REASONS {reasons}").ConfigureAwait(false);
                }
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string EventNumber(int number) => number.ToString(EventNumberFormat, CultureInfo.InvariantCulture);
}
