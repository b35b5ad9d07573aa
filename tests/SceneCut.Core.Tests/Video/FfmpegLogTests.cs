using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>FFmpeg's stderr (with <c>-loglevel level+info</c>) gives frame timestamps in order and keeps its errors.</summary>
public sealed class FfmpegLogTests
{
    [Fact]
    public void Accept_ShowInfoLines_TimestampsInOrderWithTimeBase()
    {
        using var log = new FfmpegLog(new StringReader(string.Join('\n',
            "[info] Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/v/a.mp4':",
            "[Parsed_showinfo_2 @ 0x559585df3440] [info] config in time_base: 1/24000, frame_rate: 24000/1001",
            "[Parsed_showinfo_2 @ 0x559585df3440] [info] n:   0 pts:      0 pts_time:0       pos:       48 fmt:bgr24 s:64x36",
            "[Parsed_showinfo_2 @ 0x559585df3440] [info] color_range:pc color_space:gbr",
            "[h264 @ 0x55aa] [error] Invalid NAL unit size (1234 > 99).",
            "[Parsed_showinfo_2 @ 0x559585df3440] [info] n:   1 pts:   3003 pts_time:0.125125 pos:    47936 fmt:bgr24",
            "[Parsed_showinfo_2 @ 0x559585df3440] [info] n:   2 pts:NOPTS pts_time:NOPTS pos: -1 fmt:bgr24",
            "[warning] Stream ended early")));

        Assert.Equal(0L, log.NextTimestamp(CancellationToken.None));
        Assert.Equal(3003L, log.NextTimestamp(CancellationToken.None));
        Assert.Null(log.NextTimestamp(CancellationToken.None));
        log.WaitForEnd();
        // Past the end: no timestamp, no hang.
        Assert.Null(log.NextTimestamp(CancellationToken.None));
        Assert.Equal((1L, 24000L), log.TimeBase);
        Assert.Equal(["h264: Invalid NAL unit size (1234 > 99).", "Stream ended early"], log.Messages);
    }
}
