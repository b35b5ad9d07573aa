using SceneCut.Pipeline;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Scenes;

/// <summary>
/// The committed scene model on the dev clips: continuous shots are one scene. (The restaurant dialogue of Megamind.avi,
/// four shots in 10 s, is split at its close-up: a known miss of the model trained on real video, in models/README.md.)
/// </summary>
public sealed class DevClipScenesTests
{
    [SharedDataTheory]
    [InlineData("chaplin.mp4")]
    [InlineData("vtest.avi")]
    [InlineData("tree.avi")]
    public async Task Detect_DevClip_IsOneScene(string clip)
    {
        var result = await ScenePipeline.RunAsync(SharedData.Clip(clip), new PipelineOptions(), null, CancellationToken.None);

        Assert.Single(result.Scenes);
        Assert.Equal(result.Shots.Count, result.SceneBoundaryProbabilities.Count);
        Assert.Equal(0, result.Scenes[0].StartFrame);
        Assert.Equal(result.Video.FrameCount - 1, result.Scenes[0].EndFrame);
    }
}
