using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Training;

namespace SceneCut.Scenes.Training.Real;

/// <summary>
/// Trains the scene model on real videos with scene truth: every video whole (in windows) and, each epoch, random runs
/// of its shots, so the network sees boundaries with every amount of context; class-weighted BCE, Adam, clipping, a
/// fixed number of epochs. Several networks with their own seeds are averaged.
/// </summary>
/// <param name="options">How to train.</param>
/// <param name="spliceSources">Footage to splice <see cref="RealSceneTrainingOptions.SplicedEpisodes"/> extra episodes from (joins of different sources are scene changes); none when null.</param>
public sealed class RealSceneTrainer(RealSceneTrainingOptions options, IReadOnlyList<FootageIndex>? spliceSources = null)
{
    /// <summary>An ensemble trained on <paramref name="videos"/>.</summary>
    /// <exception cref="ArgumentException">No video has a scene start on a detected shot.</exception>
    public SequenceTaggerEnsemble Train(IReadOnlyList<RealSceneVideo> videos, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(videos);
        options.Validate();
        var usable = videos.Where(v => v.Shots.Count >= 2).ToList();
        if (!usable.Any(v => v.Labels.Any(l => l > 0.5f)))
        {
            throw new ArgumentException("No video has a scene start on a detected shot: nothing to learn from.", nameof(videos));
        }

        var features = usable.Select(v => SceneFeatures.Build(v.Shots, options.FeatureSize)).ToList();
        var members = new List<SequenceTagger>();
        for (var k = 0; k < options.EnsembleSize; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            members.Add(TrainOne(usable, features, options.MemberSeed(k)));
        }

        return new SequenceTaggerEnsemble(members);
    }

    private SequenceTagger TrainOne(IReadOnlyList<RealSceneVideo> videos, IReadOnlyList<float[][]> features, int seed)
    {
        var random = new Random(seed);
        var x = new List<float[][]>();
        var y = new List<float[]>();
        for (var v = 0; v < videos.Count; v++)
        {
            var count = videos[v].Shots.Count;
            for (var start = 0; start < count; start += options.MaxRunShots)
            {
                var end = Math.Min(count, start + options.MaxRunShots);
                x.Add(features[v][start..end]);
                y.Add(videos[v].Labels[start..end]);
            }

            for (var r = 0; r < options.RunsPerVideo && count > options.MinRunShots; r++)
            {
                var length = random.Next(options.MinRunShots, Math.Min(count, options.MaxRunShots) + 1);
                var start = random.Next(count - length + 1);
                x.Add(features[v][start..(start + length)]);
                y.Add(videos[v].Labels[start..(start + length)]);
            }
        }

        if (options.SplicedEpisodes > 0 && spliceSources is { Count: >= 2 })
        {
            var splicer = new EpisodeSplicer(spliceSources, new EpisodeRecipe(), seed);
            for (var e = 0; e < options.SplicedEpisodes; e++)
            {
                var episode = splicer.Next();
                if (episode.Shots.Count > 1)
                {
                    x.Add(SceneFeatures.Build(episode.Shots, options.FeatureSize));
                    y.Add(episode.Labels);
                }
            }
        }

        // Step 0 of a run describes a boundary whose left side the run cut off; it is still a real boundary and stays.
        var positives = y.Sum(l => l.Count(v => v > 0.5f));
        var negatives = y.Sum(l => l.Length) - positives;
        var tagger = new SequenceTagger(new SequenceTaggerOptions
        {
            FeatureSize = options.FeatureSize,
            Cell = options.Cell,
            HiddenSize = options.HiddenSize,
            Layers = options.Layers,
            Bidirectional = true,
            PositiveWeight = positives > 0 ? (float)negatives / positives : 1f,
            Seed = seed,
        });
        tagger.Train(x, y, new TrainerOptions { Epochs = options.Epochs, LearningRate = options.LearningRate, ClipNorm = 1f, Seed = seed });
        return tagger;
    }
}
