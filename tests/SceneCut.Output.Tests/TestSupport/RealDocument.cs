using SceneCut.Pipeline;
using SceneCut.Results;

namespace SceneCut.Output.Tests.TestSupport;

/// <summary>
/// The pipeline's real shot-level result for the dev clip <c>testvideo.mp4</c> (cuts, fades, a dissolve; 29.97 fps),
/// analysed once per test run. Scenes are off, so the writers' per-shot fallbacks meet real shots (hand-built
/// documents cover scenes and slots).
/// </summary>
public static class RealDocument
{
    private static readonly Lazy<Task<ResultDocument>> TestVideo = new(() =>
        ScenePipeline.RunAsync(TestVideoPath, new PipelineOptions { Scenes = new SceneCut.Scenes.SceneOptions { Enabled = false } }, progress: null, CancellationToken.None));

    /// <summary>The dev clip (read in place, never copied into the repository).</summary>
    public static string TestVideoPath => SharedData.Clip("testvideo.mp4");

    /// <summary>Its result document.</summary>
    public static Task<ResultDocument> TestVideoAsync() => TestVideo.Value;
}
