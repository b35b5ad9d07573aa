using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SceneCut.Recurrent.Modes;

namespace SceneCut.Recurrent.Serialization;

/// <summary>
/// Saves and loads sequence models: one model (format version 1), an ensemble of several (version 2), or either with
/// metadata (version 3). All integers and floats little-endian:
/// <code>
/// magic        8 bytes  "SCRNNMDL"
/// version      uint16   1 (one model), 2 (an ensemble) or 3 (models and metadata)
/// reserved     uint16   0
/// members      int32    number of models (versions 2 and 3; version 1 holds exactly one)
/// per model:
///   headerBytes  int32    length of the header
///   header       UTF-8 JSON of SequenceModelOptions (mode, cell, sizes, output kind, …)
///   count        int32    number of parameters
///   per parameter:
///     nameBytes  uint16, name UTF-8 (e.g. "rnn.l0.fwd.W_x")
///     rank       byte, then rank × int32 dimensions
///     values     float32 × product of dimensions, row-major
/// metadataBytes int32   length of the metadata (version 3 only)
/// metadata     UTF-8 JSON object of strings: what the models were trained on, for the application to check
/// crc32        uint32   CRC-32 (IEEE) of every byte before it
/// </code>
/// Without metadata a single model is written as version 1 and an ensemble as version 2, byte for byte as before, so
/// builds that only read those versions still open them. Loading checks the magic, the version, the checksum, the options, and that every
/// parameter's name and shape match the model the options describe; any mismatch is a <see cref="ModelFormatException"/>
/// that says what.
/// </summary>
public static class ModelFile
{
    /// <summary>The newest format version this build reads.</summary>
    public const ushort Version = MetadataVersion;

    /// <summary>Format version of a file holding one model.</summary>
    public const ushort SingleVersion = 1;

    /// <summary>Format version of a file holding an ensemble of models.</summary>
    public const ushort EnsembleVersion = 2;

    /// <summary>Format version of a file holding models and metadata.</summary>
    public const ushort MetadataVersion = 3;

    /// <summary>Most models one file may hold (a sanity bound against a damaged count).</summary>
    public const int MaxMembers = 64;

    /// <summary>Files larger than this are refused before reading them whole.</summary>
    public const long MaxBytes = 1L << 30;

    private static readonly byte[] Magic = "SCRNNMDL"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    /// <summary>Writes one model (format version 1).</summary>
    public static void Save(ISequenceModel model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        SaveAll([model], stream);
    }

    /// <summary>
    /// Writes models: with metadata as version 3, else an ensemble as version 2 and a single model as version 1.
    /// </summary>
    /// <param name="models">The models, in order.</param>
    /// <param name="stream">Where the file goes.</param>
    /// <param name="metadata">Strings the application wants back with the models (e.g. which inputs they were trained on).</param>
    public static void SaveAll(IReadOnlyList<ISequenceModel> models, Stream stream, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(models.Count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(models.Count, MaxMembers);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            ushort version = metadata is { Count: > 0 } ? MetadataVersion : models.Count == 1 ? SingleVersion : EnsembleVersion;
            writer.Write(Magic);
            writer.Write(version);
            writer.Write((ushort)0);
            if (version != SingleVersion)
            {
                writer.Write(models.Count);
            }

            foreach (ISequenceModel model in models)
            {
                ArgumentNullException.ThrowIfNull(model);
                WriteModel(writer, model);
            }

            if (version == MetadataVersion)
            {
                // Sorted by key: the same models and metadata always give the same bytes.
                byte[] json = JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, string>(metadata!.ToDictionary(), StringComparer.Ordinal), Json);
                writer.Write(json.Length);
                writer.Write(json);
            }
        }

        byte[] content = buffer.ToArray();
        stream.Write(content);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(crc, Crc32.Compute(content));
        stream.Write(crc);
    }

    /// <summary>Reads a file holding one model; an ensemble file is refused with a message that says so.</summary>
    public static ISequenceModel Load(Stream stream)
    {
        IReadOnlyList<ISequenceModel> models = LoadAll(stream);
        if (models.Count != 1)
        {
            throw new ModelFormatException($"The file holds an ensemble of {models.Count} models, not one; load it as an ensemble.");
        }

        return models[0];
    }

    /// <summary>Reads every model of a file: one for version 1, the ensemble's members for versions 2 and 3.</summary>
    public static IReadOnlyList<ISequenceModel> LoadAll(Stream stream) => LoadWithMetadata(stream).Models;

    /// <summary>Reads every model of a file and its metadata (empty before version 3).</summary>
    public static (IReadOnlyList<ISequenceModel> Models, IReadOnlyDictionary<string, string> Metadata) LoadWithMetadata(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] data = ReadAll(stream);
        int minimum = Magic.Length + 2 + 2 + 4 + 4 + 4;
        if (data.Length < Magic.Length || !data.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw new ModelFormatException("Not a SceneCut recurrent model: the file does not start with \"SCRNNMDL\".");
        }

        if (data.Length < minimum)
        {
            throw new ModelFormatException($"Model file is truncated: {data.Length} bytes, less than the {minimum}-byte minimum.");
        }

        // The checksum first: a damaged byte anywhere, even in the version, reads as damage.
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(data.Length - 4));
        uint actual = Crc32.Compute(data.AsSpan(0, data.Length - 4));
        if (stored != actual)
        {
            throw new ModelFormatException(
                $"Model file is damaged or truncated: checksum {actual:X8} does not match the stored {stored:X8}.");
        }

        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(8));
        if (version is not (SingleVersion or EnsembleVersion or MetadataVersion))
        {
            throw new ModelFormatException($"Model file version {version} is not supported (this build reads versions {SingleVersion} to {MetadataVersion}).");
        }

        var reader = new SpanReader(data.AsSpan(0, data.Length - 4).ToArray(), 12);
        int members = version == SingleVersion ? 1 : reader.Int32("member count");
        if (members < 1 || members > MaxMembers)
        {
            throw new ModelFormatException($"Model file claims {members} models; an ensemble holds 1 to {MaxMembers}.");
        }

        var models = new List<ISequenceModel>(members);
        for (int m = 0; m < members; m++)
        {
            models.Add(ReadModel(reader));
        }

        IReadOnlyDictionary<string, string> metadata = version == MetadataVersion ? ReadMetadata(reader) : new Dictionary<string, string>();
        if (!reader.AtEnd)
        {
            throw new ModelFormatException($"Model file has unexpected bytes after the last {(version == MetadataVersion ? "metadata" : "parameter")}.");
        }

        return (models, metadata);
    }

    private static Dictionary<string, string> ReadMetadata(SpanReader reader)
    {
        int length = reader.Int32("metadata length");
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(reader.Bytes(length, "metadata"), Json)
                   ?? throw new ModelFormatException("Model metadata is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"Model metadata is not a JSON object of strings: {e.Message}", e);
        }
    }

    private static void WriteModel(BinaryWriter writer, ISequenceModel model)
    {
        byte[] header = JsonSerializer.SerializeToUtf8Bytes(model.Options, Json);
        writer.Write(header.Length);
        writer.Write(header);
        writer.Write(model.Parameters.Count);
        foreach (Parameter p in model.Parameters)
        {
            byte[] name = Encoding.UTF8.GetBytes(p.Name);
            writer.Write((ushort)name.Length);
            writer.Write(name);
            writer.Write((byte)p.Shape.Count);
            foreach (int dim in p.Shape)
            {
                writer.Write(dim);
            }

            var bytes = new byte[p.Size * sizeof(float)];
            for (int i = 0; i < p.Size; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), p.Value[i]);
            }

            writer.Write(bytes);
        }
    }

    private static ISequenceModel ReadModel(SpanReader reader)
    {
        int headerBytes = reader.Int32("header length");
        SequenceModelOptions options;
        try
        {
            options = JsonSerializer.Deserialize<SequenceModelOptions>(reader.Bytes(headerBytes, "header"), Json)
                      ?? throw new ModelFormatException("Model header is empty.");
        }
        catch (JsonException e)
        {
            throw new ModelFormatException($"Model header is not valid JSON options: {e.Message}", e);
        }

        ISequenceModel model;
        try
        {
            model = SequenceModel.Create(options);
        }
        catch (ArgumentException e)
        {
            throw new ModelFormatException($"Model header describes an invalid model: {e.Message}", e);
        }

        int count = reader.Int32("parameter count");
        if (count != model.Parameters.Count)
        {
            throw new ModelFormatException($"Model file has {count} parameters; a {options.Mode} model with these options has {model.Parameters.Count}.");
        }

        foreach (Parameter p in model.Parameters)
        {
            int nameBytes = reader.UInt16("parameter name length");
            string name = Encoding.UTF8.GetString(reader.Bytes(nameBytes, "parameter name"));
            if (name != p.Name)
            {
                throw new ModelFormatException($"Expected parameter '{p.Name}' but found '{name}'.");
            }

            int rank = reader.Byte($"rank of {name}");
            var shape = new int[rank];
            for (int d = 0; d < rank; d++)
            {
                shape[d] = reader.Int32($"shape of {name}");
            }

            if (!shape.SequenceEqual(p.Shape))
            {
                throw new ModelFormatException(
                    $"Parameter '{name}' has shape ({string.Join(", ", shape)}); the model needs ({string.Join(", ", p.Shape)}).");
            }

            ReadOnlySpan<byte> values = reader.Bytes(p.Size * sizeof(float), $"values of {name}");
            for (int i = 0; i < p.Size; i++)
            {
                float v = BinaryPrimitives.ReadSingleLittleEndian(values.Slice(i * 4));
                if (!float.IsFinite(v))
                {
                    throw new ModelFormatException($"Parameter '{name}' holds a non-finite value at index {i}.");
                }

                p.Value[i] = v;
            }
        }

        return model;
    }

    private static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxBytes)
        {
            throw new ModelFormatException($"Model file is larger than {MaxBytes} bytes.");
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
