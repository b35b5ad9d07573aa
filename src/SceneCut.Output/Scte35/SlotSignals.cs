using System.Security.Cryptography;
using System.Text;
using SceneCut.Output.AdCues;
using SceneCut.Results;

namespace SceneCut.Output.Scte35;

/// <summary>
/// Turns each ad slot into its SCTE-35 messages. A VOD slot is an insertion point, not content to replace: the
/// opportunity starts and ends on the slot's frame, and its duration is the break the ad server is asked to fill
/// (<see cref="OutputOptions.AdBreakSeconds"/>).
/// </summary>
internal static class SlotSignals
{
    /// <summary>The URN prefix of the UPID that names the video.</summary>
    public const string UpidPrefix = "urn:scenecut:video:";

    // A UPID carries at most 255 bytes; a longer name is replaced by its SHA-256 so the UPID stays unique per name.
    private const string HashedUpidPrefix = "urn:scenecut:video-sha256:";

    /// <summary>One <see cref="SlotSignal"/> per ad slot of <paramref name="document"/>, in order.</summary>
    public static IReadOnlyList<SlotSignal> For(ResultDocument document, OutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var upid = Upid(VideoClock.FileName(document.Video));
        var duration = Pts90k.FromSeconds(options.AdBreakSeconds);
        var signals = new List<SlotSignal>(document.AdSlots.Count);
        for (var i = 0; i < document.AdSlots.Count; i++)
        {
            var slot = document.AdSlots[i];
            var number = i + 1;
            var pts = Pts90k.FromSeconds(slot.Seconds);
            var start = new SpliceInfoSection(pts, [Descriptor(number, SegmentationTypes.ProviderPlacementOpportunityStart, upid, duration)]);
            var end = new SpliceInfoSection(pts, [Descriptor(number, SegmentationTypes.ProviderPlacementOpportunityEnd, upid, duration: null)]);
            signals.Add(new SlotSignal(number, slot.Frame, ResultTimes.Round(slot.Seconds), pts, start, end));
        }

        return signals;
    }

    /// <summary>The URI UPID naming <paramref name="videoName"/>: <c>urn:scenecut:video:</c> and the percent-encoded name.</summary>
    public static byte[] Upid(string videoName)
    {
        var uri = UpidPrefix + Uri.EscapeDataString(videoName);
        if (Encoding.ASCII.GetByteCount(uri) <= 255)
        {
            return Encoding.ASCII.GetBytes(uri);
        }

        return Encoding.ASCII.GetBytes(HashedUpidPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(videoName))));
    }

    private static SegmentationDescriptor Descriptor(int number, byte type, byte[] upid, long? duration) =>
        new((uint)number, type, UpidTypes.Uri, upid, duration, Restrictions: null, SegmentNum: 0, SegmentsExpected: 0);
}
