using SceneCut.Scenes.Training;
using SceneCut.Shots;

namespace SceneCut.Tests.Scenes;

public sealed class EpisodeSplicerTests
{
    private static FootageIndex Source(string name, int place, int shots)
    {
        var embedding = new float[4];
        embedding[place] = 1;
        return new FootageIndex(
            name,
            "test-model",
            shots * 4.0,
            Enumerable.Range(0, shots).Select(i => new FootageShot(i * 4.0, (i + 1) * 4.0, i == 0 ? null : TransitionKind.Cut, false)).ToList(),
            Enumerable.Range(0, shots * 8).Select(i => new FootageSample(i * 0.5, embedding)).ToList());
    }

    private static readonly FootageIndex[] Sources = [Source("a.mp4", 0, 10), Source("b.mp4", 1, 10), Source("c.mp4", 2, 10)];

    [Fact]
    public void Next_LabelsExactlyTheJoinsBetweenDifferentSources()
    {
        var splicer = new EpisodeSplicer(Sources, new EpisodeRecipe(), seed: 3);
        for (var e = 0; e < 50; e++)
        {
            var episode = splicer.Next();
            Assert.Equal(0f, episode.Labels[0]);
            for (var i = 1; i < episode.Shots.Count; i++)
            {
                var sourceChanged = !episode.Shots[i].Embedding.SequenceEqual(episode.Shots[i - 1].Embedding);
                Assert.Equal(sourceChanged ? 1f : 0f, episode.Labels[i]);
                Assert.Equal(episode.Shots[i - 1].EndSeconds, episode.Shots[i].StartSeconds, 9);
            }
        }
    }

    [Fact]
    public void Next_SameSeed_SameEpisodes()
    {
        var first = new EpisodeSplicer(Sources, new EpisodeRecipe(), seed: 11);
        var second = new EpisodeSplicer(Sources, new EpisodeRecipe(), seed: 11);

        for (var e = 0; e < 10; e++)
        {
            var a = first.Next();
            var b = second.Next();
            Assert.Equal(a.Labels, b.Labels);
            Assert.Equal(a.Shots.Select(s => s.StartSeconds), b.Shots.Select(s => s.StartSeconds));
        }
    }

    [Fact]
    public void Ctor_OneSource_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EpisodeSplicer([Sources[0]], new EpisodeRecipe(), 1));
    }
}
