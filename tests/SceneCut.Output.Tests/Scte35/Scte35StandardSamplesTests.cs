using SceneCut.Output.Scte35;

namespace SceneCut.Output.Tests.Scte35;

/// <summary>
/// The sample messages of SCTE 35 (section 14, "Sample SCTE 35 messages"), rebuilt from their fields byte for byte
/// and decoded back: the encoder and decoder agree with the standard, not only with each other.
/// </summary>
public sealed class Scte35StandardSamplesTests
{
    // 14.1 time_signal – Placement Opportunity Start (TI UPID 0x000000002CA0A18A, 307 s).
    private const string PlacementOpportunityStart = "/DA0AAAAAAAA///wBQb+cr0AUAAeAhxDVUVJSAAAjn/PAAGlmbAICAAAAAAsoKGKNAIAmsnRfg==";

    // 14.3 time_signal – Placement Opportunity End (same event).
    private const string PlacementOpportunityEnd = "/DAvAAAAAAAA///wBQb+dGKQoAAZAhdDVUVJSAAAjn+fCAgAAAAALKChijUCAKnMZ1g=";

    private static readonly byte[] TurnerUpid = [0x00, 0x00, 0x00, 0x00, 0x2C, 0xA0, 0xA1, 0x8A];

    private static SpliceInfoSection StartFields() => new(
        PtsTime: 0x072BD0050,
        Descriptors:
        [
            new SegmentationDescriptor(
                EventId: 0x4800008E,
                TypeId: SegmentationTypes.ProviderPlacementOpportunityStart,
                UpidType: UpidTypes.Ti,
                Upid: TurnerUpid,
                Duration: 0x0001A599B0,
                Restrictions: new DeliveryRestrictions(WebDeliveryAllowed: false, NoRegionalBlackout: true, ArchiveAllowed: true, DeviceRestrictions: 3),
                SegmentNum: 2,
                SegmentsExpected: 0),
        ]);

    private static SpliceInfoSection EndFields() => new(
        PtsTime: 0x0746290A0,
        Descriptors:
        [
            new SegmentationDescriptor(
                EventId: 0x4800008E,
                TypeId: SegmentationTypes.ProviderPlacementOpportunityEnd,
                UpidType: UpidTypes.Ti,
                Upid: TurnerUpid,
                Restrictions: new DeliveryRestrictions(WebDeliveryAllowed: true, NoRegionalBlackout: true, ArchiveAllowed: true, DeviceRestrictions: 3),
                SegmentNum: 2,
                SegmentsExpected: 0),
        ]);

    [Fact]
    public void Encode_PlacementOpportunityStartSample_ByteForByte()
    {
        var bytes = Scte35Encoder.Encode(StartFields());

        Assert.Equal(PlacementOpportunityStart, Convert.ToBase64String(bytes));
        Assert.Equal("FC3034000000000000FFFFF00506FE72BD0050001E021C435545494800008E7FCF0001A599B00808000000002CA0A18A3402009AC9D17E", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Encode_PlacementOpportunityEndSample_ByteForByte() =>
        Assert.Equal(PlacementOpportunityEnd, Convert.ToBase64String(Scte35Encoder.Encode(EndFields())));

    [Theory]
    [InlineData(PlacementOpportunityStart)]
    [InlineData(PlacementOpportunityEnd)]
    public void Decode_StandardSample_GivesItsFieldsAndEncodesBackTheSame(string base64)
    {
        var bytes = Convert.FromBase64String(base64);

        var section = Scte35Decoder.Decode(bytes);

        Assert.Equal(bytes, Scte35Encoder.Encode(section));
        var expected = base64 == PlacementOpportunityStart ? StartFields() : EndFields();
        Assert.Equal(expected.PtsTime, section.PtsTime);
        Assert.Equal((0L, 3, (byte)0xFF, 0xFFF), (section.PtsAdjustment, section.SapType, section.CwIndex, section.Tier));
        var descriptor = Assert.Single(section.Descriptors);
        var want = expected.Descriptors[0];
        Assert.Equal(want with { Upid = descriptor.Upid }, descriptor);
        Assert.Equal(TurnerUpid, descriptor.Upid);
    }

    [Fact]
    public void Decode_StartSample_DurationIs307Seconds() =>
        Assert.Equal(307 * 90_000L, Scte35Decoder.Decode(Convert.FromBase64String(PlacementOpportunityStart)).Descriptors[0].Duration);

    [Fact]
    public void Decode_OneBitFlipped_RefusedForItsCrc()
    {
        var bytes = Convert.FromBase64String(PlacementOpportunityStart);
        bytes[20] ^= 0x01;

        var error = Assert.Throws<FormatException>(() => Scte35Decoder.Decode(bytes));
        Assert.Contains("CRC-32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Truncated_Refused() =>
        Assert.Throws<FormatException>(() => Scte35Decoder.Decode(Convert.FromBase64String(PlacementOpportunityStart)[..30]));

    [Fact]
    public void Crc32Mpeg2_CheckValue() =>
        // The catalogue check value of CRC-32/MPEG-2: the CRC of ASCII "123456789".
        Assert.Equal(0x0376E6E7u, Crc32Mpeg2.Compute("123456789"u8));
}
