namespace SceneCut.Embeddings;

/// <summary>
/// Default values of <see cref="EmbeddingOptions"/>, in one place. They describe the ResNet18 that NuGet package
/// <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> ships (a CNTK export); see <c>docs/embeddings.md</c> for how each
/// was established from the package's own preprocess graph and by experiment.
/// </summary>
public static class EmbeddingDefaults
{
    /// <summary>The model file, relative to the executable's folder (the build copies it there from NuGet).</summary>
    public const string ModelPath = "models/ResNet18.onnx";

    /// <summary>
    /// Input width the shipped ResNet18 was exported with (fixed in its graph). Smaller sizes run (the graph is resized)
    /// and cost up to 3× less, but the scene model only beats the cosine baseline clearly at this one (docs/embeddings.md).
    /// </summary>
    public const int InputWidth = 224;

    /// <summary>Input height the shipped ResNet18 was exported with (fixed in its graph).</summary>
    public const int InputHeight = 224;

    /// <summary>CNTK exports are planar.</summary>
    public const TensorLayout Layout = TensorLayout.Nchw;

    /// <summary>The package's preprocess graph reorders its RGB input to BGR before the model: the model is BGR.</summary>
    public const ChannelOrder Channels = ChannelOrder.Bgr;

    /// <summary>The preprocess graph feeds raw 0–255 values (no 1/255 scaling).</summary>
    public const double PixelScale = 1.0;

    /// <summary>
    /// Per-channel mean in the model's channel order (B, G, R), on the 0–255 scale: the channel averages of the
    /// 224×224 ImageNet mean image the package's preprocess graph subtracts.
    /// </summary>
    public static IReadOnlyList<double> Mean { get; } = [103.0626, 115.9029, 123.1516];

    /// <summary>The preprocess graph divides by nothing.</summary>
    public static IReadOnlyList<double> Std { get; } = [1.0, 1.0, 1.0];

    /// <summary>Video frames keep all their content; the CNN copes with the mild squeeze of 16:9 into a square.</summary>
    public const ResizeMode Resize = ResizeMode.Stretch;

    /// <summary>Frames per ONNX Runtime call: on 2 cores batch 8 cost about a third less CPU per frame than batch 1 (docs/embeddings.md).</summary>
    public const int BatchSize = 8;

    /// <summary>
    /// One ONNX Runtime thread: in <c>detect</c> the CNN shares the CPU with FFmpeg's decoder threads, and a second
    /// intra-op thread only adds hand-off work (720p detect with scenes: 0.5–1.1 CPU-s less over 2880 frames, bench median
    /// 0.84 instead of 0.79 of <c>ffmpeg -f null</c>). Set 0 (one per physical core) for CNN-only work on an idle machine.
    /// </summary>
    public const int IntraOpThreads = 1;

    /// <summary>Idle ONNX Runtime threads sleep: the CNN shares the CPU with the decoder.</summary>
    public const bool AllowSpinning = false;

    /// <summary>All optimisations: fuses BatchNormalization into the convolutions.</summary>
    public const GraphOptimization Optimization = GraphOptimization.All;

    /// <summary>The CPU: always present.</summary>
    public const ExecutionProvider Provider = ExecutionProvider.Cpu;

    /// <summary>First GPU, when a GPU provider is chosen.</summary>
    public const int DeviceId = 0;

    /// <summary>Sub-folder of the user's local application data that holds the embedding cache by default.</summary>
    public const string CacheFolderName = "scenecut/embeddings";
}
