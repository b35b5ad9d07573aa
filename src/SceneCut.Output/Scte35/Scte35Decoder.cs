namespace SceneCut.Output.Scte35;

/// <summary>
/// Reads back what <see cref="Scte35Encoder"/> writes: an unencrypted <c>time_signal</c> with its segmentation
/// descriptors. Other descriptors are skipped; a bad CRC, another command or a truncated message is a <see cref="FormatException"/>.
/// </summary>
internal static class Scte35Decoder
{
    /// <summary>The section in <paramref name="message"/>, its CRC checked.</summary>
    public static SpliceInfoSection Decode(ReadOnlyMemory<byte> message)
    {
        var reader = new BitReader(message);
        if (reader.Bits(8) != SpliceInfoSection.TableId)
        {
            throw new FormatException($"Not a splice_info_section: table_id 0x{message.Span[0]:X2}, expected 0xFC.");
        }

        reader.Skip(2); // section_syntax_indicator, private_indicator
        var sapType = (int)reader.Bits(2);
        var sectionLength = (int)reader.Bits(12);
        if (sectionLength + 3 != message.Length)
        {
            throw new FormatException($"section_length says {sectionLength + 3} bytes, the message has {message.Length}.");
        }

        var expected = Crc32Mpeg2.Compute(message.Span[..^4]);
        var actual = (uint)((message.Span[^4] << 24) | (message.Span[^3] << 16) | (message.Span[^2] << 8) | message.Span[^1]);
        if (expected != actual)
        {
            throw new FormatException($"CRC-32 is 0x{actual:X8}, the content gives 0x{expected:X8}.");
        }

        reader.Skip(8); // protocol_version
        if (reader.Flag())
        {
            throw new FormatException("Encrypted splice_info_sections are not supported.");
        }

        reader.Skip(6); // encryption_algorithm
        var ptsAdjustment = (long)reader.Bits(33);
        var cwIndex = (byte)reader.Bits(8);
        var tier = (int)reader.Bits(12);
        var commandLength = (int)reader.Bits(12);
        var commandType = reader.Bits(8);
        if (commandType != SpliceInfoSection.TimeSignalCommand)
        {
            throw new FormatException($"splice_command_type 0x{commandType:X2} is not time_signal (0x06).");
        }

        var command = new BitReader(reader.Bytes(commandLength));
        long? pts = null;
        if (command.Flag())
        {
            command.Skip(6);
            pts = (long)command.Bits(33);
        }

        var loopLength = (int)reader.Bits(16);
        var loop = new BitReader(reader.Bytes(loopLength));
        var descriptors = new List<SegmentationDescriptor>();
        while (loop.Remaining > 0)
        {
            var tag = (byte)loop.Bits(8);
            var length = (int)loop.Bits(8);
            var body = loop.Bytes(length);
            var identifier = length >= 4 ? (uint)((body[0] << 24) | (body[1] << 16) | (body[2] << 8) | body[3]) : 0;
            if (tag == SegmentationDescriptor.Tag && identifier == SegmentationDescriptor.Identifier)
            {
                descriptors.Add(Segmentation(body));
            }
        }

        return new SpliceInfoSection(pts, descriptors, ptsAdjustment, sapType, cwIndex, tier);
    }

    private static SegmentationDescriptor Segmentation(byte[] body)
    {
        var r = new BitReader(body);
        r.Skip(32); // identifier
        var eventId = (uint)r.Bits(32);
        var cancel = r.Flag();
        var compliance = r.Flag();
        r.Skip(6);
        if (cancel)
        {
            return new SegmentationDescriptor(eventId, 0, 0, [], Cancel: true, EventIdCompliance: compliance);
        }

        if (!r.Flag())
        {
            throw new FormatException("Component-level segmentation (program_segmentation_flag 0) is not supported.");
        }

        var hasDuration = r.Flag();
        DeliveryRestrictions? restrictions = null;
        if (r.Flag())
        {
            r.Skip(5);
        }
        else
        {
            restrictions = new DeliveryRestrictions(r.Flag(), r.Flag(), r.Flag(), (int)r.Bits(2));
        }

        long? duration = hasDuration ? (long)r.Bits(40) : null;
        var upidType = (byte)r.Bits(8);
        var upid = r.Bytes((int)r.Bits(8));
        var typeId = (byte)r.Bits(8);
        var segmentNum = (byte)r.Bits(8);
        var segmentsExpected = (byte)r.Bits(8);
        // sub_segment fields arrived in SCTE 35 2016; the descriptor's length says whether they are there.
        byte? subNum = null, subExpected = null;
        if (r.Remaining >= 2)
        {
            subNum = (byte)r.Bits(8);
            subExpected = (byte)r.Bits(8);
        }

        return new SegmentationDescriptor(eventId, typeId, upidType, upid, duration, restrictions, segmentNum, segmentsExpected, subNum, subExpected, cancel, compliance);
    }
}
