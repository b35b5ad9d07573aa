using SceneCut.Video;

namespace SceneCut.Tests.Video;

/// <summary>ffprobe's JSON becomes the same container facts OpenCV reports.</summary>
public sealed class FfmpegProbeTests
{
    [Fact]
    public void Parse_RotatedVfrStream_DisplayedSizeAverageRateAndStart()
    {
        const string json = """
            {"streams":[{"codec_type":"audio","codec_name":"aac"},
              {"codec_type":"video","codec_name":"h264","codec_tag_string":"avc1","width":1280,"height":544,
               "r_frame_rate":"24000/1001","avg_frame_rate":"32000/1001","time_base":"1/24000","start_time":"0.041708",
               "nb_frames":"160","side_data_list":[{"rotation":-90}]}],
             "format":{"duration":"9.97"}}
            """;

        var stream = FfmpegProbe.Parse("/v/x.mp4", json);

        Assert.Equal((544, 1280, 90), (stream.Info.Width, stream.Info.Height, stream.Info.RotationDegrees));
        Assert.Equal(32000.0 / 1001, stream.Info.Fps, 9);
        Assert.Equal(160, stream.Info.DeclaredFrameCount);
        Assert.Equal("avc1", stream.Info.Codec);
        Assert.Equal(0.041708, stream.StartSeconds, 9);
        Assert.Equal((1L, 24000L), (stream.TimeBaseNumerator, stream.TimeBaseDenominator));
    }

    [Fact]
    public void Parse_NoFrameCount_DurationTimesRate()
    {
        const string json = """
            {"streams":[{"codec_type":"video","codec_name":"vp9","codec_tag_string":"[0][0][0][0]","width":640,"height":360,
              "r_frame_rate":"24/1","avg_frame_rate":"0/0","time_base":"1/1000","start_time":"0.000000"}],
             "format":{"duration":"30.041"}}
            """;

        var stream = FfmpegProbe.Parse("/v/x.webm", json);

        Assert.Equal(24.0, stream.Info.Fps);
        Assert.Equal(721, stream.Info.DeclaredFrameCount);
        Assert.Equal("vp9", stream.Info.Codec);
    }

    [Fact]
    public void Parse_OnlyAudio_NotAVideo()
    {
        var ex = Assert.Throws<VideoInputException>(() => FfmpegProbe.Parse("/a/song.mp3", """{"streams":[{"codec_type":"audio"}],"format":{}}"""));

        Assert.Equal(VideoInputError.NotAVideo, ex.Error);
        Assert.Equal("/a/song.mp3: no video stream (FFmpeg found only audio)", ex.Message);
    }
}
