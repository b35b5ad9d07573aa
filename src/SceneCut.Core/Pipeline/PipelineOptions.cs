using SceneCut.AdSlots;
using SceneCut.Embeddings;
using SceneCut.Scenes;
using SceneCut.Shots;
using SceneCut.Video;

namespace SceneCut.Pipeline;

/// <summary>Options of one analysis run, bound from the <c>SceneCut</c> section of <c>appsettings.json</c>.</summary>
public sealed class PipelineOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "SceneCut";

    /// <summary>Shot detection settings.</summary>
    public ShotDetectionOptions Shots { get; set; } = new();

    /// <summary>Which decoder reads the video (<c>SceneCut:Decoding</c>); defaults in <see cref="DecodingDefaults"/>.</summary>
    public DecodingOptions Decoding { get; set; } = new();

    /// <summary>The CNN that embeds frames (<c>SceneCut:Embeddings</c>); defaults in <see cref="EmbeddingDefaults"/>.</summary>
    public EmbeddingOptions Embeddings { get; set; } = new();

    /// <summary>How scenes are found (<c>SceneCut:Scenes</c>); defaults in <see cref="SceneDefaults"/>.</summary>
    public SceneOptions Scenes { get; set; } = new();

    /// <summary>Where ad slots may go (<c>SceneCut:AdPolicy</c>); defaults in <see cref="AdPolicyDefaults"/>.</summary>
    public AdPolicyOptions AdPolicy { get; set; } = new();

    /// <summary>Throws <see cref="System.ComponentModel.DataAnnotations.ValidationException"/> naming every bad setting.</summary>
    public void Validate()
    {
        Shots.Validate();
        AdPolicy.Validate();
        Decoding.Validate();
        Embeddings.Validate();
        Scenes.Validate();
    }
}
