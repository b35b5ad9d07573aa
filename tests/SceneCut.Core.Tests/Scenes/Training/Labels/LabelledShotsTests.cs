using SceneCut.Scenes.Training;
using SceneCut.Scenes.Training.Labels;
using SceneCut.Shots;

namespace SceneCut.Tests.Scenes.Training.Labels;

public sealed class LabelledShotsTests
{
    // Shots start at 0, 4, 8, 12, 16 s; each sample's embedding says which shot it lies in.
    private static FootageIndex Footage() => new(
        "v.mp4",
        "test-model",
        20,
        Enumerable.Range(0, 5).Select(i => new FootageShot(i * 4.0, (i + 1) * 4.0, i == 0 ? null : TransitionKind.Cut, false)).ToList(),
        Enumerable.Range(0, 40).Select(i => new FootageSample(i * 0.5, OneHot(i / 8))).ToList());

    private static float[] OneHot(int place)
    {
        var v = new float[5];
        v[place] = 1;
        return v;
    }

    [Fact]
    public void Of_StartsMapToNearestShotWithinTolerance_OthersCounted()
    {
        var labels = new LabelledVideo("v.mp4", [LabelTime.AtSeconds(8.4), LabelTime.AtSeconds(15.5), LabelTime.AtSeconds(10)], [], "v.csv");

        var shots = LabelledShots.Of(Footage(), labels, fps: 25, toleranceSeconds: 1);

        Assert.Equal([0f, 0f, 1f, 0f, 1f], shots.Labels);
        Assert.Equal(1, shots.UnmatchedStarts);
        // Each shot is embedded from the sample nearest its middle.
        Assert.Equal(OneHot(3), shots.Shots[3].Embedding);
    }
}
