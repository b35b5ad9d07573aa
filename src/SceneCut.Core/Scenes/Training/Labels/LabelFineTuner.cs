using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Training;

namespace SceneCut.Scenes.Training.Labels;

/// <summary>
/// Fine-tunes a trained scene model on a user's labelled videos: the model keeps its weights and learns on at a lower
/// rate, on random runs of each video's shots; the last part of every video is held out, and training stops when the
/// loss there stops improving (best weights kept).
/// </summary>
public sealed class LabelFineTuner
{
    // Shortest run of shots drawn for training: enough context on both sides of a boundary for the recurrence.
    private const int MinRunShots = 8;

    private readonly FineTuneOptions _options;
    private readonly int _windowShots;

    public LabelFineTuner(FineTuneOptions options, int windowShots)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(windowShots, MinRunShots);
        _options = options;
        _windowShots = windowShots;
    }

    /// <summary>Fine-tunes <paramref name="model"/> (every member of an ensemble, on the same runs) in place on <paramref name="videos"/>.</summary>
    /// <exception cref="ArgumentException">No video has a labelled scene start that matched a shot.</exception>
    public FineTuneReport FineTune(SequenceTaggerEnsemble model, IReadOnlyList<LabelledShots> videos, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(videos);
        var usable = videos.Where(v => v.Shots.Count >= 2).ToList();
        if (!usable.Any(v => v.Labels.Any(l => l > 0.5f)))
        {
            throw new ArgumentException("No labelled scene start lies near a detected shot start: nothing to learn from.", nameof(videos));
        }

        var before = Means(model, usable);
        var random = new Random(_options.Seed);
        var train = new List<(float[][] X, float[] Y)>();
        var heldOut = new List<(float[][] X, float[] Y)>();
        foreach (var video in usable)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var features = SceneFeatures.Build(video.Shots, model.FeatureSize);
            // The held-out tail is only split off when both parts keep a run of useful length.
            var held = (int)Math.Round(video.Shots.Count * _options.HeldOutShare);
            var trainCount = held >= 2 && video.Shots.Count - held >= 2 ? video.Shots.Count - held : video.Shots.Count;
            if (trainCount < video.Shots.Count)
            {
                heldOut.AddRange(Windows(features[trainCount..], video.Labels[trainCount..]));
            }

            for (var e = 0; e < _options.ExamplesPerVideo; e++)
            {
                var length = Math.Min(trainCount, random.Next(MinRunShots, _windowShots + 1));
                var start = random.Next(trainCount - length + 1);
                train.Add((features[start..(start + length)], video.Labels[start..(start + length)]));
            }
        }

        var reports = model.Members.Select(member => member.Train(
            train.Select(t => t.X).ToList(),
            train.Select(t => t.Y).ToList(),
            new TrainerOptions
            {
                Epochs = _options.Epochs,
                Patience = heldOut.Count > 0 ? _options.Patience : 0,
                LearningRate = _options.LearningRate,
                ClipNorm = 1f,
                Seed = _options.Seed,
            },
            heldOut.Count > 0 ? heldOut.Select(h => h.X).ToList() : null,
            heldOut.Count > 0 ? heldOut.Select(h => h.Y).ToList() : null)).ToList();
        return new FineTuneReport(reports, before, Means(model, usable), heldOut.Sum(h => h.Y.Length));
    }

    // Whole windows of the model's size, the last one ending at the end.
    private IEnumerable<(float[][] X, float[] Y)> Windows(float[][] features, float[] labels)
    {
        for (var start = 0; start < features.Length; start += _windowShots)
        {
            var end = Math.Min(features.Length, start + _windowShots);
            yield return (features[start..end], labels[start..end]);
        }
    }

    private static LabelledMeans Means(SequenceTaggerEnsemble model, IReadOnlyList<LabelledShots> videos)
    {
        var atStarts = new List<double>();
        var elsewhere = new List<double>();
        foreach (var video in videos)
        {
            var p = model.Predict(SceneFeatures.Build(video.Shots, model.FeatureSize));
            for (var i = 1; i < p.Length; i++)
            {
                (video.Labels[i] > 0.5f ? atStarts : elsewhere).Add(p[i]);
            }
        }

        return new LabelledMeans(atStarts.DefaultIfEmpty(double.NaN).Average(), elsewhere.DefaultIfEmpty(double.NaN).Average());
    }
}
