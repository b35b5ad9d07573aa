using SceneCut.Output.Html;

namespace SceneCut.Output;

/// <summary>What a writer may need besides the document.</summary>
/// <param name="Options">Output settings (validated).</param>
/// <param name="Thumbnails">Frames of the video for the HTML report; null when the video is not at hand (the report then has none).</param>
public sealed record WriterContext(OutputOptions Options, IThumbnailSource? Thumbnails = null)
{
    /// <summary>Default options and no thumbnails.</summary>
    public static WriterContext Default { get; } = new(new OutputOptions());
}
