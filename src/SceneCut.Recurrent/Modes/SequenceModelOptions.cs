using SceneCut.Recurrent.Cells;
using SceneCut.Recurrent.Heads;

namespace SceneCut.Recurrent.Modes;

/// <summary>Everything that defines a sequence model; saved in the model file header.</summary>
public sealed record SequenceModelOptions
{
    /// <summary>Default <see cref="SequenceMode.ManyToMany"/>.</summary>
    public SequenceMode Mode { get; init; } = SequenceMode.ManyToMany;

    /// <summary>Default LSTM.</summary>
    public CellType Cell { get; init; } = CellType.Lstm;

    /// <summary>Features per input step. Required.</summary>
    public int InputSize { get; init; }

    /// <summary>Units per direction. Default 32.</summary>
    public int HiddenSize { get; init; } = 32;

    /// <summary>Stacked layers (encoder and decoder alike). Default 1.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Bidirectional encoder (not allowed for the decoder of one-to-many and seq2seq). Default false.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>Dropout between stacked layers in training. Default 0.</summary>
    public float Dropout { get; init; }

    /// <summary>Values per output step. Required.</summary>
    public int OutputSize { get; init; }

    /// <summary>Default <see cref="OutputKind.Binary"/>.</summary>
    public OutputKind Output { get; init; } = OutputKind.Binary;

    /// <summary>Weight of positive targets in binary cross-entropy. Default 1.</summary>
    public float PositiveWeight { get; init; } = 1f;

    /// <summary>Many-to-one summary. Default last state.</summary>
    public Pooling Pooling { get; init; } = Pooling.LastState;

    /// <summary>Class index that ends generation (appended to targets in training); −1 for fixed length. Default −1.</summary>
    public int EndToken { get; init; } = -1;

    /// <summary>Longest generated sequence (fixed length when there is no end token). Default 32.</summary>
    public int MaxOutputLength { get; init; } = 32;

    /// <summary>Truncated BPTT chunk length for many-to-many (unidirectional only); 0 = full BPTT. Default 0.</summary>
    public int TruncationLength { get; init; }

    /// <summary>Seed of initial weights and dropout. Default 1.</summary>
    public int Seed { get; init; } = 1;

    internal bool Decodes => Mode is SequenceMode.OneToMany or SequenceMode.SequenceToSequence;

    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Mode)) errors.Add($"{nameof(Mode)} is not a known mode ({(int)Mode}).");
        if (!Enum.IsDefined(Cell)) errors.Add($"{nameof(Cell)} is not a known cell ({(int)Cell}).");
        if (!Enum.IsDefined(Output)) errors.Add($"{nameof(Output)} is not a known output kind ({(int)Output}).");
        if (InputSize <= 0) errors.Add($"{nameof(InputSize)} must be positive (was {InputSize}).");
        if (HiddenSize <= 0) errors.Add($"{nameof(HiddenSize)} must be positive (was {HiddenSize}).");
        if (Layers <= 0) errors.Add($"{nameof(Layers)} must be positive (was {Layers}).");
        if (OutputSize <= 0) errors.Add($"{nameof(OutputSize)} must be positive (was {OutputSize}).");
        if (Dropout is < 0 or >= 1 || float.IsNaN(Dropout)) errors.Add($"{nameof(Dropout)} must be in [0, 1) (was {Dropout}).");
        if (!(PositiveWeight > 0)) errors.Add($"{nameof(PositiveWeight)} must be positive (was {PositiveWeight}).");
        if (EndToken >= OutputSize) errors.Add($"{nameof(EndToken)} must be < {nameof(OutputSize)} (was {EndToken}).");
        if (EndToken >= 0 && Output != OutputKind.Classes) errors.Add($"{nameof(EndToken)} needs {nameof(Output)} = Classes.");
        if (MaxOutputLength <= 0) errors.Add($"{nameof(MaxOutputLength)} must be positive (was {MaxOutputLength}).");
        if (TruncationLength < 0) errors.Add($"{nameof(TruncationLength)} must be ≥ 0 (was {TruncationLength}).");
        if (TruncationLength > 0 && (Bidirectional || Mode != SequenceMode.ManyToMany))
        {
            errors.Add($"{nameof(TruncationLength)} needs a unidirectional many-to-many model (state only flows forward).");
        }

        if (Mode == SequenceMode.OneToMany && Bidirectional)
        {
            errors.Add("One-to-many generates step by step and cannot be bidirectional.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid sequence model options: " + string.Join(" ", errors));
        }
    }
}
