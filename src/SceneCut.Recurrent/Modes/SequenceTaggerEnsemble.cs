using SceneCut.Recurrent.Serialization;

namespace SceneCut.Recurrent.Modes;

/// <summary>
/// Several taggers of the same input trained apart (other seeds), read as one: the probability per step is the mean
/// of the members' probabilities. Independent members make different mistakes, so the mean is better calibrated
/// than any one of them. A single tagger is an ensemble of one; files of one model (format version 1) load as that.
/// </summary>
public sealed class SequenceTaggerEnsemble
{
    /// <param name="members">The taggers, in the order they were trained.</param>
    /// <param name="metadata">Strings saved with the ensemble (e.g. which inputs it was trained on); none by default.</param>
    public SequenceTaggerEnsemble(IReadOnlyList<SequenceTagger> members, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count is < 1 or > ModelFile.MaxMembers)
        {
            throw new ArgumentOutOfRangeException(nameof(members), members.Count, $"An ensemble holds 1 to {ModelFile.MaxMembers} taggers.");
        }

        int featureSize = members[0].Model.Options.InputSize;
        if (members.Any(m => m.Model.Options.InputSize != featureSize))
        {
            throw new ArgumentException(
                $"Every member must read the same features; found sizes {string.Join(", ", members.Select(m => m.Model.Options.InputSize))}.", nameof(members));
        }

        Members = [.. members];
        Metadata = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    /// <summary>The members, in the order they were trained and saved.</summary>
    public IReadOnlyList<SequenceTagger> Members { get; }

    /// <summary>Strings saved and loaded with the ensemble; empty for files written before format version 3.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The same members with <paramref name="metadata"/> in place of the current metadata.</summary>
    public SequenceTaggerEnsemble WithMetadata(IReadOnlyDictionary<string, string> metadata) => new(Members, metadata);

    /// <summary>Features per step every member reads.</summary>
    public int FeatureSize => Members[0].Model.Options.InputSize;

    /// <summary>Probability per step: the mean over the members.</summary>
    public float[] Predict(float[][] sequence)
    {
        float[] mean = Members[0].Predict(sequence);
        for (int m = 1; m < Members.Count; m++)
        {
            float[] p = Members[m].Predict(sequence);
            for (int t = 0; t < mean.Length; t++)
            {
                mean[t] += p[t];
            }
        }

        for (int t = 0; t < mean.Length; t++)
        {
            mean[t] /= Members.Count;
        }

        return mean;
    }

    /// <summary>Writes every member and the metadata into one file (<see cref="ModelFile.SaveAll"/> picks the format version).</summary>
    public void Save(Stream stream) => ModelFile.SaveAll(Members.Select(m => (ISequenceModel)m.Model).ToList(), stream, Metadata);

    /// <summary>
    /// Writes one ONNX graph that runs every member on the same inputs and averages their probabilities inside the graph
    /// (<see cref="Onnx.OnnxExporter.Export(IReadOnlyList{ManyToManyModel}, Stream)"/>): inputs <c>input</c> (B, T,
    /// FeatureSize) and <c>sequence_lens</c> (B), output <c>scores</c> (B, T, 1).
    /// </summary>
    public void ExportOnnx(Stream stream) => Onnx.OnnxExporter.Export(Members.Select(m => m.Model).ToList(), stream);

    /// <summary>Loads a file of one tagger or an ensemble of them; throws <see cref="ModelFormatException"/> otherwise.</summary>
    public static SequenceTaggerEnsemble Load(Stream stream)
    {
        var (models, metadata) = ModelFile.LoadWithMetadata(stream);
        var members = models.Select(SequenceTagger.FromModel).ToList();
        if (members.Any(m => m.Model.Options.InputSize != members[0].Model.Options.InputSize))
        {
            throw new ModelFormatException("The ensemble's members read different numbers of features.");
        }

        return new SequenceTaggerEnsemble(members, metadata);
    }
}
