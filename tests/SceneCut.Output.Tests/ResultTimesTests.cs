using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SceneCut.Output.Tests.TestSupport;
using SceneCut.Results;

namespace SceneCut.Output.Tests;

/// <summary>Every format prints times to the microsecond: never <c>14.600000000000001</c>.</summary>
public sealed partial class ResultTimesTests
{
    // A number with more than six decimals anywhere in the text.
    [GeneratedRegex(@"\d\.\d{7,}")]
    private static partial Regex LongDecimal();

    public static TheoryData<string> Formats => [.. ResultWriterRegistry.Default.Formats];

    // One step above 14.6: what a sum of frame times gave for the demo clip.
    private const double AboveFourteenSix = 14.600000000000001;

    // Variable frame rate jitters every time off the microsecond grid.
    private static ResultDocument Unrounded()
    {
        var document = Samples.Rich(fps: 25, variableFrameRate: true);
        return document with { Video = document.Video with { DurationSeconds = AboveFourteenSix } };
    }

    [Fact]
    public void Round_Seconds_ToTheMicrosecondWithoutNegativeZero()
    {
        Assert.Equal("14.600000000000001", AboveFourteenSix.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(14.6, ResultTimes.Round(AboveFourteenSix));
        Assert.Equal(0.52, ResultTimes.Round(0.5199999999999996));
        Assert.Equal(1.000001, ResultTimes.Round(1.0000005));
        Assert.Equal("0", ResultTimes.Round(-1e-9).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Sink_EveryFormat_PrintsNoTimeFinerThanAMicrosecond(string format)
    {
        using var folder = new TempFolder();
        var document = Unrounded();
        // The conditioned playlist needs a playlist; its segments are those of an ffmpeg muxer (µs EXTINF).
        var sink = new ResultSink(new OutputOptions { HlsPlaylist = VodPlaylists.WriteCovering(folder, document.Video.DurationSeconds, 2.002) });

        var text = Encoding.UTF8.GetString(await sink.RenderAsync(sink.Registry.Get(format), document, CancellationToken.None));

        Assert.DoesNotMatch(LongDecimal(), text);
    }

    [Theory]
    [InlineData(OutputFormats.Json)]
    [InlineData(OutputFormats.Cues)]
    public async Task Writer_JsonFormats_RoundEveryTimeEvenWithoutTheSink(string format)
    {
        var document = Unrounded();

        var node = JsonNode.Parse(await Writers.WriteAsync(format, document))!;

        var times = Times(node).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.Equal(ResultTimes.Round(t), t));
        if (format == OutputFormats.Json)
        {
            Assert.Equal(14.6, node["video"]!["durationSeconds"]!.GetValue<double>());
            // Rounding moves no time by more than half a microsecond.
            var read = ResultJson.Deserialize(node.ToJsonString());
            Assert.All(document.Shots.Zip(read.Shots), p => Assert.Equal(p.First.StartSeconds, p.Second.StartSeconds, 0.0000005));
        }
    }

    // Every number under a property named seconds or …Seconds.
    private static IEnumerable<double> Times(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is JsonValue v && (p.Key == "seconds" || p.Key.EndsWith("Seconds", StringComparison.Ordinal))
            ? [v.GetValue<double>()]
            : Times(p.Value)),
        JsonArray a => a.SelectMany(Times),
        _ => [],
    };
}
