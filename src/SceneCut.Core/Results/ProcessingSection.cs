namespace SceneCut.Results;

/// <summary>How the analysis ran.</summary>
/// <param name="ElapsedSeconds">Wall-clock time of the whole analysis.</param>
/// <param name="FramesPerSecond">Frames analysed per wall-clock second.</param>
/// <param name="Tool">Tool name and version, e.g. <c>scenecut 0.1.0</c>.</param>
/// <param name="Decoder">Frame source that decoded the video, e.g. <c>opencv</c>.</param>
/// <param name="Warnings">Things the reader should know (e.g. a truncated file); empty when all went well.</param>
public sealed record ProcessingSection(double ElapsedSeconds, double FramesPerSecond, string Tool, string Decoder, IReadOnlyList<string> Warnings)
{
    private readonly IReadOnlyList<DamagedFramesEntry> _damagedFrames = [];

    /// <summary>Wall-clock seconds spent in the CNN (part of <see cref="ElapsedSeconds"/>); 0 when scenes are off.</summary>
    public double EmbeddingSeconds { get; init; }

    /// <summary>Wall-clock seconds spent in the scene model (part of <see cref="ElapsedSeconds"/>); 0 when scenes are off.</summary>
    public double SceneModelSeconds { get; init; }

    /// <summary>Frame ranges the decoder reported damaged, in order; empty for a clean decode (or one that cannot tell: see <see cref="DecodeHealth"/>).</summary>
    public IReadOnlyList<DamagedFramesEntry> DamagedFrames
    {
        get => _damagedFrames;
        // Documents written before the field existed have none: the generated reader passes null.
        init => _damagedFrames = value ?? [];
    }

    /// <summary>The damage summed up; null only in documents written before it existed.</summary>
    public DecodeHealthSection? DecodeHealth { get; init; }
}
