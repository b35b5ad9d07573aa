using SceneCut.Jobs.Ledger;

namespace SceneCut.Jobs.Tests.Ledger;

public sealed class FileFingerprinterTests
{
    private const int Sample = 4096;

    [Fact]
    public async Task Compute_SameBytesUnderTwoNames_SameHash()
    {
        using var folder = new TempFolder();
        var bytes = Bytes(3 * Sample);
        await File.WriteAllBytesAsync(folder.File("a"), bytes, CancellationToken.None);
        await File.WriteAllBytesAsync(folder.File("b"), bytes, CancellationToken.None);

        var a = await FileFingerprinter.ComputeAsync(folder.File("a"), Sample, CancellationToken.None);
        var b = await FileFingerprinter.ComputeAsync(folder.File("b"), Sample, CancellationToken.None);

        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(3 * Sample, a.Size);
    }

    [Theory]
    [InlineData(10)]
    [InlineData((3 * Sample) - 10)]
    public async Task Compute_ByteChangedInHeadOrTail_DifferentHash(int offset)
    {
        using var folder = new TempFolder();
        var bytes = Bytes(3 * Sample);
        await File.WriteAllBytesAsync(folder.File("a"), bytes, CancellationToken.None);
        bytes[offset] ^= 0xFF;
        await File.WriteAllBytesAsync(folder.File("b"), bytes, CancellationToken.None);

        var a = await FileFingerprinter.ComputeAsync(folder.File("a"), Sample, CancellationToken.None);
        var b = await FileFingerprinter.ComputeAsync(folder.File("b"), Sample, CancellationToken.None);

        Assert.NotEqual(a.Hash, b.Hash);
    }

    // The documented trade-off of sampling: a same-size change only in the middle is not seen by the hash (the
    // modification time is what tells the ledger such a file changed); sample size 0 hashes everything.
    [Theory]
    [InlineData(Sample, true)]
    [InlineData(0, false)]
    public async Task Compute_ByteChangedInTheMiddle_SeenOnlyWhenHashingTheWholeFile(long sample, bool sameHash)
    {
        using var folder = new TempFolder();
        var bytes = Bytes(3 * Sample);
        await File.WriteAllBytesAsync(folder.File("a"), bytes, CancellationToken.None);
        bytes[(3 * Sample) / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(folder.File("b"), bytes, CancellationToken.None);

        var a = await FileFingerprinter.ComputeAsync(folder.File("a"), sample, CancellationToken.None);
        var b = await FileFingerprinter.ComputeAsync(folder.File("b"), sample, CancellationToken.None);

        Assert.Equal(sameHash, a.Hash == b.Hash);
    }

    private static byte[] Bytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
