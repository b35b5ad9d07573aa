using System.Buffers.Binary;
using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;
using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Serialization;
using SceneCut.Recurrent.Tests.Support;

namespace SceneCut.Recurrent.Tests.Serialization;

public sealed class ModelFileTests
{
    private static readonly SequenceModelOptions Options = new()
    {
        Mode = SequenceMode.SequenceToSequence, Cell = CellType.Gru, InputSize = 3, HiddenSize = 5, Layers = 2,
        Bidirectional = true, OutputSize = 4, Output = OutputKind.Classes, EndToken = 3, MaxOutputLength = 6, Seed = 9,
    };

    private static byte[] Saved(ISequenceModel model)
    {
        using var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        return stream.ToArray();
    }

    private static ModelFormatException LoadFails(byte[] data) =>
        Assert.Throws<ModelFormatException>(() => ModelFile.Load(new MemoryStream(data)));

    [Theory]
    [InlineData(SequenceMode.OneToOne)]
    [InlineData(SequenceMode.ManyToOne)]
    [InlineData(SequenceMode.ManyToMany)]
    [InlineData(SequenceMode.OneToMany)]
    [InlineData(SequenceMode.SequenceToSequence)]
    public void SaveLoad_EveryMode_RestoresOptionsAndPredictions(SequenceMode mode)
    {
        SequenceModelOptions options = Options with { Bidirectional = mode != SequenceMode.OneToMany, Mode = mode };
        ISequenceModel model = SequenceModel.Create(options);
        foreach (Parameter p in model.Parameters)
        {
            p.InitUniform(new Random(p.Name.Length), 0.8f);
        }

        ISequenceModel loaded = ModelFile.Load(new MemoryStream(Saved(model)));
        Assert.Equal(model.Options, loaded.Options);
        Assert.IsType(model.GetType(), loaded);
        float[][] input = mode is SequenceMode.OneToOne or SequenceMode.OneToMany
            ? [FiniteDifference.Random(new Random(1), 3)]
            : [FiniteDifference.Random(new Random(1), 3), FiniteDifference.Random(new Random(2), 3)];
        float[][] expected = model.Predict(input), actual = loaded.Predict(input);
        Assert.Equal(expected.Length, actual.Length);
        for (int t = 0; t < expected.Length; t++)
        {
            Assert.Equal(expected[t], actual[t]);
        }
    }

    [Fact]
    public void Load_Truncated_RejectsAtEveryCut()
    {
        byte[] data = Saved(SequenceModel.Create(Options));
        foreach (int length in new[] { 0, 4, 8, 12, 20, data.Length / 2, data.Length - 5, data.Length - 1 })
        {
            ModelFormatException error = LoadFails(data.AsSpan(0, length).ToArray());
            Assert.Matches("truncated|damaged|Not a SceneCut", error.Message);
        }
    }

    [Fact]
    public void Load_FlippedByte_IsDetectedAnywhere()
    {
        byte[] data = Saved(SequenceModel.Create(Options));
        foreach (int offset in new[] { 9, 14, 30, data.Length / 2, data.Length - 10, data.Length - 2 })
        {
            byte[] damaged = (byte[])data.Clone();
            damaged[offset] ^= 0x10;
            Assert.Contains("damaged", LoadFails(damaged).Message);
        }
    }

    [Fact]
    public void Load_WrongMagic_SaysNotAModel()
    {
        byte[] data = Saved(SequenceModel.Create(Options));
        data[0] = (byte)'P';
        Assert.Contains("Not a SceneCut recurrent model", LoadFails(data).Message);
        Assert.Contains("Not a SceneCut", LoadFails("{\"hello\": 1}"u8.ToArray()).Message);
    }

    /// <summary>Rewrites part of a valid file and fixes the checksum, as a foreign writer would.</summary>
    private static byte[] Resealed(byte[] data, Action<byte[]> edit)
    {
        byte[] copy = (byte[])data.Clone();
        edit(copy);
        var reference = new SceneCut.Recurrent.Tests.Support.Crc32Reference();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(copy.Length - 4), reference.Compute(copy.AsSpan(0, copy.Length - 4)));
        return copy;
    }

    [Fact]
    public void Load_NewerVersion_IsRefusedByName()
    {
        byte[] data = Resealed(Saved(SequenceModel.Create(Options)), d => d[8] = 4);
        Assert.Contains("version 4 is not supported", LoadFails(data).Message);
    }

    [Fact]
    public void Load_ShapeOfAnotherModel_IsRefusedWithTheParameterName()
    {
        byte[] data = Saved(SequenceModel.Create(Options));
        // Same length header, different hidden size: the stored shapes no longer fit the options.
        byte[] edited = Resealed(data, d =>
        {
            int headerLength = BinaryPrimitives.ReadInt32LittleEndian(d.AsSpan(12));
            string header = System.Text.Encoding.UTF8.GetString(d, 16, headerLength);
            string changed = header.Replace("\"HiddenSize\":5", "\"HiddenSize\":6");
            Assert.NotEqual(header, changed);
            System.Text.Encoding.UTF8.GetBytes(changed).CopyTo(d, 16);
        });
        ModelFormatException error = LoadFails(edited);
        Assert.Matches("shape|parameters", error.Message);
    }

    [Fact]
    public void Load_NonFiniteWeight_IsRefused()
    {
        ISequenceModel model = SequenceModel.Create(Options);
        byte[] data = Saved(model);
        int lastValue = data.Length - 4 - 4;
        byte[] edited = Resealed(data, d => BinaryPrimitives.WriteSingleLittleEndian(d.AsSpan(lastValue), float.NaN));
        Assert.Contains("non-finite", LoadFails(edited).Message);
    }

    [Fact]
    public void SequenceTagger_LoadOfOtherMode_SaysWhatItHolds()
    {
        byte[] data = Saved(SequenceModel.Create(Options));
        var error = Assert.Throws<ModelFormatException>(() => SequenceTagger.Load(new MemoryStream(data)));
        Assert.Contains("SequenceToSequence", error.Message);
    }

    [Fact]
    public void Save_OneModel_WritesVersion1AndLoadAllReadsIt()
    {
        byte[] data = Saved(SequenceModel.Create(Options));

        Assert.Equal(ModelFile.SingleVersion, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(8)));
        IReadOnlyList<ISequenceModel> all = ModelFile.LoadAll(new MemoryStream(data));
        Assert.Single(all);
        Assert.Equal(Options, all[0].Options);
    }

    [Fact]
    public void SaveAll_ThreeModels_RestoresEachInOrder()
    {
        ISequenceModel[] models = [.. Enumerable.Range(0, 3).Select(k => SequenceModel.Create(Options with { HiddenSize = 3 + k, Seed = k }))];
        using var stream = new MemoryStream();

        ModelFile.SaveAll(models, stream);

        byte[] data = stream.ToArray();
        Assert.Equal(ModelFile.EnsembleVersion, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(8)));
        IReadOnlyList<ISequenceModel> loaded = ModelFile.LoadAll(new MemoryStream(data));
        Assert.Equal(models.Select(m => m.Options), loaded.Select(m => m.Options));
        for (int k = 0; k < models.Length; k++)
        {
            Assert.Equal(models[k].Parameters.SelectMany(p => p.Value), loaded[k].Parameters.SelectMany(p => p.Value));
        }

        Assert.Contains("ensemble of 3", LoadFails(data).Message);
    }

    [Fact]
    public void LoadAll_Ensemble_RejectsTruncationAndBadCounts()
    {
        using var stream = new MemoryStream();
        ModelFile.SaveAll([SequenceModel.Create(Options), SequenceModel.Create(Options with { Seed = 2 })], stream);
        byte[] data = stream.ToArray();
        foreach (int length in new[] { 12, 16, data.Length / 2, data.Length - 1 })
        {
            Assert.Matches("truncated|damaged", Assert.Throws<ModelFormatException>(() => ModelFile.LoadAll(new MemoryStream(data.AsSpan(0, length).ToArray()))).Message);
        }

        // One member claimed, two stored: the second one's bytes are left over.
        byte[] fewer = Resealed(data, d => BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(12), 1));
        Assert.Contains("unexpected bytes", Assert.Throws<ModelFormatException>(() => ModelFile.LoadAll(new MemoryStream(fewer))).Message);
        byte[] none = Resealed(data, d => BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(12), 0));
        Assert.Contains("claims 0 models", Assert.Throws<ModelFormatException>(() => ModelFile.LoadAll(new MemoryStream(none))).Message);
    }

    [Fact]
    public void SaveAll_WithMetadata_WritesVersion3AndReadsTheStringsBack()
    {
        ISequenceModel[] models = [SequenceModel.Create(Options), SequenceModel.Create(Options with { Seed = 2 })];
        var metadata = new Dictionary<string, string> { ["trained.on"] = "ResNet18 sha256:ab", ["size"] = "224×224" };
        using var stream = new MemoryStream();

        ModelFile.SaveAll(models, stream, metadata);

        byte[] data = stream.ToArray();
        Assert.Equal(ModelFile.MetadataVersion, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(8)));
        var (loaded, readBack) = ModelFile.LoadWithMetadata(new MemoryStream(data));
        Assert.Equal(metadata, readBack);
        Assert.Equal(models.Select(m => m.Options), loaded.Select(m => m.Options));
        Assert.Equal(models[1].Parameters.SelectMany(p => p.Value), loaded[1].Parameters.SelectMany(p => p.Value));
        // The same models and metadata in another insertion order give the same bytes (keys are written sorted).
        using var again = new MemoryStream();
        ModelFile.SaveAll(models, again, new Dictionary<string, string> { ["size"] = "224×224", ["trained.on"] = "ResNet18 sha256:ab" });
        Assert.Equal(data, again.ToArray());
    }

    [Fact]
    public void SaveAll_WithoutMetadata_KeepsVersions1And2AndReadsNoMetadata()
    {
        using var empty = new MemoryStream();
        ModelFile.SaveAll([SequenceModel.Create(Options)], empty, new Dictionary<string, string>());

        Assert.Equal(Saved(SequenceModel.Create(Options)), empty.ToArray());
        Assert.Empty(ModelFile.LoadWithMetadata(new MemoryStream(empty.ToArray())).Metadata);
    }

    [Fact]
    public void LoadWithMetadata_DamagedMetadata_SaysSo()
    {
        using var stream = new MemoryStream();
        ModelFile.SaveAll([SequenceModel.Create(Options)], stream, new Dictionary<string, string> { ["k"] = "v" });
        byte[] data = stream.ToArray();
        // The metadata is the last field before the checksum: {"k":"v"} is 9 bytes; make it a JSON array instead.
        byte[] notAnObject = Resealed(data, d => "[\"k\",\"v\"]"u8.CopyTo(d.AsSpan(d.Length - 4 - 9)));
        byte[] longer = Resealed(data, d => BinaryPrimitives.WriteInt32LittleEndian(d.AsSpan(d.Length - 4 - 9 - 4), 10));

        Assert.Contains("metadata is not a JSON object of strings", Assert.Throws<ModelFormatException>(() => ModelFile.LoadAll(new MemoryStream(notAnObject))).Message);
        Assert.Contains("ends inside the metadata", Assert.Throws<ModelFormatException>(() => ModelFile.LoadAll(new MemoryStream(longer))).Message);
    }
}
