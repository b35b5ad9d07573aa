using System.Globalization;
using System.Text;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>HLS VOD media playlists as packagers write them, for conditioning tests.</summary>
public static class VodPlaylists
{
    /// <summary><paramref name="count"/> segments of <paramref name="segmentSeconds"/> each (the last may be <paramref name="lastSeconds"/>), named <c>seg0.ts</c>, ….</summary>
    public static string Text(int count, double segmentSeconds, double? lastSeconds = null)
    {
        var text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.Append(CultureInfo.InvariantCulture, $"#EXT-X-TARGETDURATION:{(int)Math.Ceiling(Math.Max(segmentSeconds, lastSeconds ?? 0))}\n");
        text.Append("#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (var i = 0; i < count; i++)
        {
            var seconds = i == count - 1 && lastSeconds is { } last ? last : segmentSeconds;
            text.Append(CultureInfo.InvariantCulture, $"#EXTINF:{seconds:0.000000},\nseg{i}.ts\n");
        }

        return text.Append("#EXT-X-ENDLIST\n").ToString();
    }

    /// <summary>Writes <see cref="Text"/> covering <paramref name="durationSeconds"/> into <paramref name="folder"/>; returns its path.</summary>
    public static string WriteCovering(TempFolder folder, double durationSeconds, double segmentSeconds = 2)
    {
        var count = (int)Math.Ceiling(durationSeconds / segmentSeconds);
        var path = folder.File("index.m3u8");
        File.WriteAllText(path, Text(count, segmentSeconds, durationSeconds - ((count - 1) * segmentSeconds)));
        return path;
    }
}
