using System.Diagnostics;
using SceneCut.Embeddings;
using SceneCut.Pipeline;
using SceneCut.Shots;
using SceneCut.Video;

namespace SceneCut.Scenes;

/// <summary>
/// The scene stage of the pipeline: embeds one frame per shot while the video streams, then runs the scene model over
/// the shots. Knows nothing of output formats; hands back one probability per shot.
/// </summary>
public sealed class SceneStage : IDisposable
{
    // How often (in frames) finished shots are handed to the CNN.
    private const int AdvanceEveryFrames = 8;

    private readonly ShotEmbeddingCollector _collector;
    private readonly SceneModel _model;
    private readonly SceneOptions _options;
    private readonly int _dimension;

    private SceneStage(ShotEmbeddingCollector collector, SceneModel model, SceneOptions options, int dimension)
    {
        _collector = collector;
        _model = model;
        _options = options;
        _dimension = dimension;
    }

    /// <summary>
    /// The larger pictures the stage needs from the decoder besides the shot analysis frames: one every
    /// <see cref="SceneOptions.SampleSeconds"/>, shorter side <see cref="SceneOptions.SampleShortSide"/> (the CNN's input
    /// plus room); null when scenes are off.
    /// </summary>
    public static FrameSampling? RequiredSampling(PipelineOptions options) =>
        options.Scenes.Enabled ? new FrameSampling(options.Scenes.SampleSeconds, options.Scenes.SampleShortSide) : null;

    /// <summary>The stage, or null when scenes are disabled. Loads the CNN and the scene model (once per process).</summary>
    public static SceneStage? Create(PipelineOptions options, double fps, Action<string>? warn)
    {
        if (!options.Scenes.Enabled)
        {
            return null;
        }

        var (embedder, model) = LoadModels(options, warn);
        // A model file written before format version 3 does not say what it was trained on; nothing to compare then.
        if (model.TrainedOn?.MismatchWarning(EmbeddingProvenance.Of(embedder, options.Embeddings), options.Scenes.ModelPath) is { } warning)
        {
            warn?.Invoke(warning);
        }

        var sampling = RequiredSampling(options)!;
        return new SceneStage(new ShotEmbeddingCollector(embedder, sampling.EveryFrames(fps), options.Scenes), model, options.Scenes, embedder.Dimension);
    }

    /// <summary>
    /// The CNN and the scene model for <paramref name="options"/>, loaded once per process (<see cref="SharedModels"/>);
    /// the embedder's start-up warnings go to <paramref name="warn"/> when this call loads it.
    /// </summary>
    /// <exception cref="EmbeddingModelException">The CNN cannot be loaded.</exception>
    public static (IFrameEmbedder Embedder, SceneModel Model) LoadModels(PipelineOptions options, Action<string>? warn) =>
        (SharedModels.Embedder(options.Embeddings, warn), SharedModels.SceneModel(options.Scenes));

    /// <summary>Time spent embedding frames.</summary>
    public TimeSpan EmbeddingTime => _collector.EmbeddingTime;

    /// <summary>Time spent in the scene model.</summary>
    public TimeSpan ModelTime { get; private set; }

    /// <summary>Takes a decoded frame (after the shot detector has seen it); its <see cref="VideoFrame.Sample"/> may be kept for the CNN.</summary>
    public void OnFrame(VideoFrame frame, ShotDetector detector)
    {
        if (frame.Sample is { } sample)
        {
            _collector.Offer(frame.Index, sample);
        }

        if (frame.Index % AdvanceEveryFrames == 0)
        {
            _collector.Advance(detector.FinalBoundaries);
        }
    }

    /// <summary>The video ended: one probability per shot that a new scene starts there (1 for the first shot).</summary>
    public double[] Complete(ShotDetectionResult detection)
    {
        var embeddings = _collector.Complete(detection.Shots);
        var stopwatch = Stopwatch.StartNew();
        var summaries = ShotSummaries.Build(detection, embeddings, _dimension, _options.BlackShotShare);
        var probabilities = BlackShotsOpenScenes(summaries, _model.Predict(summaries));
        ModelTime = stopwatch.Elapsed;
        return probabilities;
    }

    /// <summary>
    /// Black is a separator, not a scene: a scene change right after a black shot moves to the black shot's start, so
    /// a leading black frame or the black between a fade out and a fade in never forms a scene of its own.
    /// </summary>
    public static double[] BlackShotsOpenScenes(IReadOnlyList<ShotSummary> shots, double[] probabilities)
    {
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (shots[i - 1].IsBlack && !shots[i].IsBlack)
            {
                probabilities[i - 1] = Math.Max(probabilities[i - 1], probabilities[i]);
                probabilities[i] = 0;
            }
        }

        return probabilities;
    }

    /// <inheritdoc />
    public void Dispose() => _collector.Dispose();
}
