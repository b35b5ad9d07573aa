using System.ComponentModel.DataAnnotations;

namespace SceneCut.Embeddings;

/// <summary>
/// Which CNN turns frames into vectors and how frames are prepared for it. Bound from the
/// <c>SceneCut:Embeddings</c> section of <c>appsettings.json</c>; every default is in <see cref="EmbeddingDefaults"/>
/// and describes the shipped ResNet18. Any ONNX image CNN with one float image input and a float feature output
/// works by changing these (e.g. a PyTorch MobileNet: <c>Rgb</c>, <c>PixelScale</c> 1/255, ImageNet mean/std).
/// </summary>
public sealed class EmbeddingOptions : IValidatableObject
{
    /// <summary>The ONNX model; relative paths are tried against the current folder, then the executable's. Default <c>models/ResNet18.onnx</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ModelPath { get; set; } = EmbeddingDefaults.ModelPath;

    /// <summary>
    /// Model input width in pixels. Default 224. A model exported at another fixed size is resized in memory when its
    /// features come from a global average pool (docs/embeddings.md); for ResNet18 the size must be a multiple of 32.
    /// </summary>
    [Range(8, 4096)]
    public int InputWidth { get; set; } = EmbeddingDefaults.InputWidth;

    /// <summary>Model input height in pixels. Default 224. See <see cref="InputWidth"/>.</summary>
    [Range(8, 4096)]
    public int InputHeight { get; set; } = EmbeddingDefaults.InputHeight;

    /// <summary>Input tensor layout. Default <c>Nchw</c>.</summary>
    public TensorLayout Layout { get; set; } = EmbeddingDefaults.Layout;

    /// <summary>Channel order the model expects. Default <c>Bgr</c>.</summary>
    public ChannelOrder ChannelOrder { get; set; } = EmbeddingDefaults.Channels;

    /// <summary>Pixels (0–255) are multiplied by this before the mean is subtracted. Default 1.0.</summary>
    [Range(1e-6, 1e6)]
    public double PixelScale { get; set; } = EmbeddingDefaults.PixelScale;

    /// <summary>Per-channel mean, in the model's channel order, after <see cref="PixelScale"/>. Default (null) 103.06, 115.90, 123.15.</summary>
    public double[]? Mean { get; set; }

    /// <summary>Per-channel standard deviation, in the model's channel order. Default (null) 1, 1, 1.</summary>
    public double[]? Std { get; set; }

    /// <summary>How frames of another aspect ratio are fitted. Default <c>Stretch</c>.</summary>
    public ResizeMode ResizeMode { get; set; } = EmbeddingDefaults.Resize;

    /// <summary>The image input's name; null takes the model's only non-constant input. Default null.</summary>
    public string? InputName { get; set; }

    /// <summary>The feature output's name; null takes the model's first output. Default null.</summary>
    public string? OutputName { get; set; }

    /// <summary>Frames per ONNX Runtime call; 1 disables batching. Default 8.</summary>
    [Range(1, 256)]
    public int BatchSize { get; set; } = EmbeddingDefaults.BatchSize;

    /// <summary>ONNX Runtime threads inside one operator; 0 means one per physical core. Default 1 (the decoder has the other cores).</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; } = EmbeddingDefaults.IntraOpThreads;

    /// <summary>
    /// Let ONNX Runtime's idle threads spin waiting for work (lower latency per call) instead of sleeping. Default false:
    /// detection runs the CNN beside the decoder, and spinning threads would take CPU time the decoder needs.
    /// </summary>
    public bool AllowSpinning { get; set; } = EmbeddingDefaults.AllowSpinning;

    /// <summary>ONNX Runtime graph optimisation level. Default <c>All</c>.</summary>
    public GraphOptimization GraphOptimization { get; set; } = EmbeddingDefaults.Optimization;

    /// <summary>Where the CNN runs; a missing GPU provider falls back to the CPU with a warning. Default <c>Cpu</c>.</summary>
    public ExecutionProvider ExecutionProvider { get; set; } = EmbeddingDefaults.Provider;

    /// <summary>GPU index for a GPU provider. Default 0.</summary>
    [Range(0, 64)]
    public int DeviceId { get; set; } = EmbeddingDefaults.DeviceId;

    /// <summary>Folder of the embedding cache; null means <c>scenecut/embeddings</c> under the user's local application data. Default null.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>The mean in effect (the configured one or the default).</summary>
    public IReadOnlyList<double> EffectiveMean => Mean ?? EmbeddingDefaults.Mean;

    /// <summary>The standard deviation in effect (the configured one or the default).</summary>
    public IReadOnlyList<double> EffectiveStd => Std ?? EmbeddingDefaults.Std;

    /// <summary>The cache folder in effect.</summary>
    public string EffectiveCacheDirectory => CacheDirectory ?? Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
        EmbeddingDefaults.CacheFolderName);

    /// <summary>Throws <see cref="ValidationException"/> listing every bad field.</summary>
    public void Validate()
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            throw new ValidationException("Invalid SceneCut:Embeddings options: " + string.Join("; ", results.Select(r => r.ErrorMessage)));
        }
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Three colour channels in, so mean and std need exactly three entries; a zero std would divide by zero.
        if (Mean is not null && Mean.Length != 3)
        {
            yield return new ValidationResult($"The field Mean must have 3 values (one per channel), found {Mean.Length}.", [nameof(Mean)]);
        }

        if (Std is not null && (Std.Length != 3 || Std.Any(s => !(s > 0))))
        {
            yield return new ValidationResult($"The field Std must have 3 values above 0, found [{string.Join(", ", Std)}].", [nameof(Std)]);
        }

        foreach (var (name, value) in new (string, Enum)[] { (nameof(Layout), Layout), (nameof(ChannelOrder), ChannelOrder), (nameof(ResizeMode), ResizeMode), (nameof(GraphOptimization), GraphOptimization), (nameof(ExecutionProvider), ExecutionProvider) })
        {
            if (!Enum.IsDefined(value.GetType(), value))
            {
                yield return new ValidationResult($"The field {name} must be one of {string.Join(", ", Enum.GetNames(value.GetType()))}, found {value}.", [name]);
            }
        }
    }
}
