using SceneCut.Scenes.Training;

namespace SceneCut.Tests.Scenes.Training;

public sealed class FootageCopiesTests
{
    // Shots of the given lengths, back to back from `origin`.
    private static FootageIndex Footage(string name, double origin, params double[] shots)
    {
        var list = new List<FootageShot>();
        var t = origin;
        foreach (var length in shots)
        {
            list.Add(new FootageShot(t, t + length, null, false));
            t += length;
        }

        return new FootageIndex(name, "cnn", t - origin, list, [new FootageSample(0, [1f])]);
    }

    [Fact]
    public void Find_RotatedCopyInTraining_IsPairedWithItsOriginal()
    {
        // The cuts of goldeneye-vfr-drop3.mp4 (3.75 s, 8.76 s; 9.97 s long) and of issue-134-rotate.mp4, its rotated copy (10.01 s).
        var original = Footage("goldeneye-vfr-drop3.mp4", 0, 3.75, 5.01, 1.21);
        var rotated = Footage("issue-134-rotate.mp4", 0, 3.75, 5.01, 1.25);
        var other = Footage("wildlife.mp4", 0.07, 4.13, 2.94, 4.67);

        var pairs = FootageCopies.Find([other, rotated], [original]);

        var pair = Assert.Single(pairs);
        Assert.Same(rotated, pair.Training);
        Assert.Same(original, pair.Validation);
    }

    [Fact]
    public void AreCopies_LeadingFrameTrimmed_StillMatches()
    {
        Assert.True(FootageCopies.AreCopies(Footage("a", 0.04, 2.0, 3.0, 1.0), Footage("b", 0, 2.02, 3.0, 1.0)));
    }

    [Fact]
    public void AreCopies_TooFewCutsOrOtherCuts_IsNotACopy()
    {
        // One cut (or none) is no fingerprint: two unrelated single-cut clips of one length would match by chance.
        Assert.False(FootageCopies.AreCopies(Footage("a", 0, 2.0, 3.0), Footage("b", 0, 2.0, 3.0)));
        Assert.False(FootageCopies.AreCopies(Footage("a", 0, 9.6), Footage("b", 0, 9.6)));
        Assert.False(FootageCopies.AreCopies(Footage("a", 0, 2.0, 3.0, 1.0), Footage("b", 0, 2.0, 3.3, 0.7)));
        Assert.False(FootageCopies.AreCopies(Footage("a", 0, 2.0, 3.0, 1.0), Footage("b", 0, 2.0, 3.0, 2.0)));
    }
}
