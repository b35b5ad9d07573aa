using SceneCut.Recurrent.Cells;

namespace SceneCut.Recurrent.Layers;

/// <summary>Shape of a recurrent stack, in the vocabulary of torch.nn.LSTM (always batch-first).</summary>
public sealed record RecurrentOptions
{
    /// <summary>Cell run at every step. Default <see cref="CellType.Lstm"/>.</summary>
    public CellType Cell { get; init; } = CellType.Lstm;

    /// <summary>Features per input step (I). Required.</summary>
    public int InputSize { get; init; }

    /// <summary>Units per direction (H). Required.</summary>
    public int HiddenSize { get; init; }

    /// <summary>Stacked layers; layer l+1 reads layer l's output. Default 1.</summary>
    public int Layers { get; init; } = 1;

    /// <summary>Run each layer forwards and backwards in time and concatenate the outputs. Default false.</summary>
    public bool Bidirectional { get; init; }

    /// <summary>Dropout probability on the outputs of every layer but the last, in training only. Default 0.</summary>
    public float Dropout { get; init; }

    /// <summary>Seed for weight initialisation and dropout masks. Default 1.</summary>
    public int Seed { get; init; } = 1;

    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>Width of each output step: H × directions.</summary>
    public int OutputSize => HiddenSize * Directions;

    /// <summary>Throws listing every invalid field.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (InputSize <= 0)
        {
            errors.Add($"{nameof(InputSize)} must be positive (was {InputSize}).");
        }

        if (HiddenSize <= 0)
        {
            errors.Add($"{nameof(HiddenSize)} must be positive (was {HiddenSize}).");
        }

        if (Layers <= 0)
        {
            errors.Add($"{nameof(Layers)} must be positive (was {Layers}).");
        }

        if (Dropout is < 0 or >= 1 || float.IsNaN(Dropout))
        {
            errors.Add($"{nameof(Dropout)} must be in [0, 1) (was {Dropout}).");
        }

        if (!Enum.IsDefined(Cell))
        {
            errors.Add($"{nameof(Cell)} is not a known cell type ({(int)Cell}).");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid recurrent options: " + string.Join(" ", errors));
        }
    }
}
