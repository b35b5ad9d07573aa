using SceneCut.Results;

namespace SceneCut.Output.Tests.Results;

public sealed class TimecodeTests
{
    private const double Ntsc = 30000.0 / 1001;
    private const double Ntsc60 = 60000.0 / 1001;
    private const double Film = 24000.0 / 1001;

    [Theory]
    // Published drop-frame anchors: the first minute drops ;00 and ;01, every tenth minute drops nothing.
    [InlineData(Ntsc, 1799, "00:00:59;29")]
    [InlineData(Ntsc, 1800, "00:01:00;02")]
    [InlineData(Ntsc, 3597, "00:01:59;29")]
    [InlineData(Ntsc, 3598, "00:02:00;02")]
    [InlineData(Ntsc, 17981, "00:09:59;29")]
    [InlineData(Ntsc, 17982, "00:10:00;00")]
    [InlineData(Ntsc, 107892, "01:00:00;00")]
    [InlineData(Ntsc60, 3600, "00:01:00;04")]
    [InlineData(Ntsc60, 215784, "01:00:00;00")]
    [InlineData(25.0, 90000, "01:00:00:00")]
    [InlineData(50.0, 49, "00:00:00:49")]
    // 23.976 counts 24 labels a second and drops none: its timecode runs 0.1 % slow against the clock.
    [InlineData(Film, 86400, "01:00:00:00")]
    [InlineData(Film, 23, "00:00:00:23")]
    public void FromFrame_KnownValues(double fps, long frame, string expected)
    {
        var timecode = Timecode.FromFrame(frame, fps);

        Assert.Equal(expected, timecode.ToString());
        Assert.Equal(frame, timecode.ToFrame(fps));
        Assert.Equal(frame, Timecode.Parse(expected).ToFrame(fps));
    }

    [Theory]
    [InlineData(Ntsc)]
    [InlineData(Ntsc60)]
    [InlineData(25.0)]
    [InlineData(Film)]
    public void FromFrame_ToFrame_RoundTripsEveryFrameOfAnHour(double fps)
    {
        var frames = (long)Math.Round(fps * 3600);
        string? previous = null;
        for (long frame = 0; frame <= frames; frame++)
        {
            var timecode = Timecode.FromFrame(frame, fps);
            Assert.Equal(frame, timecode.ToFrame(fps));
            var text = timecode.ToString();
            // Zero-padded fields sort as text: labels only ever increase.
            Assert.True(previous is null || string.CompareOrdinal(previous, text) < 0, $"{previous} !< {text}");
            previous = text;
        }
    }

    [Fact]
    public void ToFrame_SkippedDropFrameLabel_Throws()
    {
        Assert.Throws<FormatException>(() => Timecode.Parse("00:01:00;00").ToFrame(Ntsc));
        Assert.Equal(17982, Timecode.Parse("00:10:00;00").ToFrame(Ntsc));
    }

    [Fact]
    public void FromFrame_StartOffset_CountsFromStart()
    {
        var start = Timecode.Parse("01:00:00;00");

        Assert.Equal("01:00:00;00", Timecode.FromFrame(0, Ntsc, start: start).ToString());
        Assert.Equal("01:01:00;02", Timecode.FromFrame(1800, Ntsc, start: start).ToString());
        Assert.Equal("10:00:00:05", Timecode.FromFrame(5, 25, start: Timecode.Parse("10:00:00:00")).ToString());
    }

    [Fact]
    public void FromFrame_PastADay_WrapsLikeTape()
    {
        Assert.Equal("00:00:00:01", Timecode.FromFrame((25L * 86400) + 1, 25).ToString());
        Assert.Equal("23:59:59;29", Timecode.FromFrame(2589407, Ntsc).ToString());
    }

    [Fact]
    public void DropFrame_ChosenByRate_UnlessAsked()
    {
        Assert.True(Timecode.IsDropFrameRate(Ntsc));
        Assert.True(Timecode.IsDropFrameRate(59.94));
        Assert.False(Timecode.IsDropFrameRate(30));
        Assert.False(Timecode.IsDropFrameRate(Film));
        Assert.False(Timecode.IsDropFrameRate(25));
        Assert.Equal("00:01:00:00", Timecode.FromFrame(1800, Ntsc, dropFrame: false).ToString());
        Assert.Throws<ArgumentException>(() => Timecode.FromFrame(1, 25, dropFrame: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1:00:00:00")]
    [InlineData("01:60:00:00")]
    [InlineData("24:00:00:00")]
    [InlineData("01:00:00-00")]
    [InlineData("ab:00:00:00")]
    public void TryParse_Rejects(string text) => Assert.False(Timecode.TryParse(text, out _));

    [Fact]
    public void Parse_AcceptsDotAsDropFrameSeparator() => Assert.True(Timecode.Parse("00:10:00.00").DropFrame);

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void NominalRate_RejectsNonPositive(double fps) => Assert.Throws<ArgumentOutOfRangeException>(() => Timecode.NominalRate(fps));
}
