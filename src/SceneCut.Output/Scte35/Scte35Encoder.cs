namespace SceneCut.Output.Scte35;

/// <summary>Encodes a <see cref="SpliceInfoSection"/> to its binary form, CRC-32/MPEG-2 included (SCTE 35 section 9).</summary>
internal static class Scte35Encoder
{
    /// <summary>Largest 33-bit PTS.</summary>
    public const long MaxPts = (1L << 33) - 1;

    /// <summary>Largest 40-bit segmentation_duration.</summary>
    public const long MaxDuration = (1L << 40) - 1;

    /// <summary>The message's bytes.</summary>
    public static byte[] Encode(SpliceInfoSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var command = TimeSignal(section.PtsTime);
        var descriptors = new BitWriter();
        foreach (var descriptor in section.Descriptors)
        {
            descriptors.Bytes(Segmentation(descriptor));
        }

        var loop = descriptors.ToArray();
        // section_length counts every byte after itself: 11 fixed bytes up to splice_command_type, the command,
        // the 2-byte descriptor loop length, the loop and the 4-byte CRC.
        var sectionLength = 11 + command.Length + 2 + loop.Length + 4;
        if (sectionLength > 4093)
        {
            throw new ArgumentException($"The splice_info_section would be {sectionLength} bytes long; at most 4093 fit.", nameof(section));
        }

        var writer = new BitWriter()
            .Bits(8, SpliceInfoSection.TableId)
            .Flag(false) // section_syntax_indicator
            .Flag(false) // private_indicator
            .Bits(2, (ulong)section.SapType)
            .Bits(12, (ulong)sectionLength)
            .Bits(8, 0) // protocol_version
            .Flag(false) // encrypted_packet
            .Bits(6, 0) // encryption_algorithm
            .Bits(33, Pts(section.PtsAdjustment, nameof(section.PtsAdjustment)))
            .Bits(8, section.CwIndex)
            .Bits(12, (ulong)section.Tier)
            .Bits(12, (ulong)command.Length)
            .Bits(8, SpliceInfoSection.TimeSignalCommand)
            .Bytes(command)
            .Bits(16, (ulong)loop.Length)
            .Bytes(loop);
        var body = writer.ToArray();
        return [.. body, .. BigEndian(Crc32Mpeg2.Compute(body))];
    }

    /// <summary><c>splice_time()</c>, the whole of <c>time_signal()</c>.</summary>
    private static byte[] TimeSignal(long? pts)
    {
        var writer = new BitWriter();
        if (pts is { } time)
        {
            writer.Flag(true).Reserved(6).Bits(33, Pts(time, "PtsTime"));
        }
        else
        {
            writer.Flag(false).Reserved(7);
        }

        return writer.ToArray();
    }

    private static byte[] Segmentation(SegmentationDescriptor d)
    {
        if (d.Upid.Length > 255)
        {
            throw new ArgumentException($"A UPID holds at most 255 bytes, not {d.Upid.Length}.", nameof(d));
        }

        if (d.SubSegmentNum.HasValue != d.SubSegmentsExpected.HasValue)
        {
            throw new ArgumentException("sub_segment_num and sub_segments_expected come together.", nameof(d));
        }

        var body = new BitWriter()
            .Bits(32, SegmentationDescriptor.Identifier)
            .Bits(32, d.EventId)
            .Flag(d.Cancel)
            .Flag(d.EventIdCompliance)
            .Reserved(6);
        if (!d.Cancel)
        {
            body.Flag(true) // program_segmentation_flag: the whole programme, no component list
                .Flag(d.Duration.HasValue)
                .Flag(d.Restrictions is null);
            if (d.Restrictions is { } r)
            {
                body.Flag(r.WebDeliveryAllowed).Flag(r.NoRegionalBlackout).Flag(r.ArchiveAllowed).Bits(2, (ulong)r.DeviceRestrictions);
            }
            else
            {
                body.Reserved(5);
            }

            if (d.Duration is { } duration)
            {
                if (duration is < 0 or > MaxDuration)
                {
                    throw new ArgumentOutOfRangeException(nameof(d), $"segmentation_duration {duration} is not a 40-bit count of 90 kHz ticks.");
                }

                body.Bits(40, (ulong)duration);
            }

            body.Bits(8, d.UpidType).Bits(8, (ulong)d.Upid.Length).Bytes(d.Upid)
                .Bits(8, d.TypeId).Bits(8, d.SegmentNum).Bits(8, d.SegmentsExpected);
            if (d.SubSegmentNum is { } sub)
            {
                body.Bits(8, sub).Bits(8, d.SubSegmentsExpected!.Value);
            }
        }

        var bytes = body.ToArray();
        return [SegmentationDescriptor.Tag, checked((byte)bytes.Length), .. bytes];
    }

    private static ulong Pts(long pts, string name) =>
        pts is < 0 or > MaxPts ? throw new ArgumentOutOfRangeException(name, $"{name} {pts} is not a 33-bit count of 90 kHz ticks.") : (ulong)pts;

    private static byte[] BigEndian(uint value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
