using SceneCut.Shots.Learned.Training;

namespace SceneCut.Tests.Shots.Learned;

/// <summary>Synthetic episodes carry frame-exact truth: every labelled frame changes, every other frame does not.</summary>
public sealed class TransitionSynthesizerTests
{
    // Each shot one flat colour, no hard negatives: any change between two frames is a transition's doing.
    private static LabelledSequence FlatShots(int shots, int frames)
    {
        var all = new List<byte[]>();
        var cut = new List<float>();
        for (var s = 0; s < shots; s++)
        {
            var colour = new byte[PanningFootage.Width * PanningFootage.Height * 3];
            Array.Fill(colour, (byte)(20 + (s * 25)));
            for (var f = 0; f < frames; f++)
            {
                all.Add(colour);
                cut.Add(s > 0 && f == 0 ? 1 : 0);
            }
        }

        return new LabelledSequence("flat", "test", PanningFootage.Width, PanningFootage.Height, [.. all], [.. cut], new float[all.Count], new bool[all.Count]);
    }

    [Fact]
    public void Episode_FlatShots_LabelsExactlyTheFramesThatChange()
    {
        var segments = ShotSegment.Of(FlatShots(8, 70), minFrames: 14).ToList();
        var synthesizer = new TransitionSynthesizer(new TransitionSynthesizerOptions { NegativeChance = 0 }, seed: 3);
        var cuts = 0;
        var gradualRuns = 0;
        for (var e = 0; e < 40; e++)
        {
            var episode = synthesizer.Episode(segments, $"e{e}", "test");
            for (var t = 1; t < episode.Frames.Length; t++)
            {
                var changed = !episode.Frames[t].AsSpan().SequenceEqual(episode.Frames[t - 1]);
                var labelled = episode.Cut[t] > 0 || episode.Gradual[t] > 0;
                // Inside a dip the black hold repeats one picture while labelled: a labelled frame may stand still, an unlabelled one never changes.
                if (!labelled)
                {
                    Assert.False(changed, $"episode {e}: frame {t} changes but carries no label");
                }

                if (episode.Cut[t] > 0)
                {
                    Assert.True(changed, $"episode {e}: cut at {t} but the picture does not change");
                    Assert.Equal(0f, episode.Gradual[t]);
                    cuts++;
                }

                if (episode.Gradual[t] > 0 && episode.Gradual[t - 1] == 0)
                {
                    Assert.True(changed, $"episode {e}: gradual transition starts at {t} but the picture does not change there");
                    gradualRuns++;
                }

                if (episode.Gradual[t] == 0 && episode.Gradual[t - 1] > 0)
                {
                    // The first frame after a run repeats the run's last frame: the run ends on the first wholly new frame.
                    Assert.False(changed, $"episode {e}: gradual transition ends at {t - 1} but frame {t} still changes");
                }
            }
        }

        Assert.True(cuts > 10, $"only {cuts} cuts in 40 episodes");
        Assert.True(gradualRuns > 20, $"only {gradualRuns} gradual transitions in 40 episodes");
    }

    [Fact]
    public void Episode_SameSeed_SameEpisode()
    {
        var segments = ShotSegment.Of(FlatShots(5, 40), minFrames: 14).ToList();
        var a = new TransitionSynthesizer(new TransitionSynthesizerOptions(), seed: 9).Episode(segments, "a", "t");
        var b = new TransitionSynthesizer(new TransitionSynthesizerOptions(), seed: 9).Episode(segments, "b", "t");
        Assert.Equal(a.Frames.Length, b.Frames.Length);
        Assert.Equal(a.Cut, b.Cut);
        Assert.Equal(a.Gradual, b.Gradual);
        Assert.All(Enumerable.Range(0, a.Frames.Length), t => Assert.True(a.Frames[t].AsSpan().SequenceEqual(b.Frames[t])));
    }

    [Fact]
    public void ShotSegment_KeepsClearOfTransitionsAndAmbiguousFrames()
    {
        var video = FlatShots(3, 30) with { Ignore = new bool[90] };
        video.Ignore[45] = true;
        var segments = ShotSegment.Of(video, minFrames: 5).ToList();
        // Cuts at 30 and 60, ignored 45, margin 2: [0,27], [33,42], [48,57], [63,89].
        Assert.Equal([(0, 27), (33, 42), (48, 57), (63, 89)], segments.Select(s => (s.Start, s.End)).ToList());
    }
}
