using System.Globalization;
using SceneCut.Output.Tests.TestSupport;

namespace SceneCut.Output.Tests.KeyFrames;

public sealed class KeyFrameListWriterTests
{
    [Theory]
    [MemberData(nameof(Samples.FrameRates), MemberType = typeof(Samples))]
    public async Task EachSlot_ATimeAfterThePreviousFrameAndNotAfterItsOwn(double fps)
    {
        var document = Samples.Rich(fps, shotCount: 40);

        var text = await Writers.WriteAsync(OutputFormats.KeyFrames, document);

        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        var times = text.Trim().Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(document.AdSlots.Count, times.Count);
        foreach (var (time, slot) in times.Zip(document.AdSlots))
        {
            Assert.InRange(time, slot.Seconds - (0.5 / fps), slot.Seconds);
        }
    }

    [Fact]
    public async Task NoSlots_EmptyLine() => Assert.Equal("\n", await Writers.WriteAsync(OutputFormats.KeyFrames, Samples.Empty()));
}
