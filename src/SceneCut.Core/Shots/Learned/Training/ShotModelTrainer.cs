using SceneCut.Recurrent.Modes;
using SceneCut.Recurrent.Training;

namespace SceneCut.Shots.Learned.Training;

/// <summary>Trains a <see cref="ShotTransitionModel"/> on a corpus, optionally leaving one source out entirely.</summary>
public static class ShotModelTrainer
{
    /// <summary>
    /// Trains on every real video and synthetic episode not from <paramref name="leaveOut"/>; every
    /// <see cref="ShotTrainingOptions.ValidationEvery"/>-th synthetic episode (of the training sources) is the validation
    /// set that stops training early, so the left-out source chooses nothing.
    /// </summary>
    public static (ShotTransitionModel Model, TrainingReport Report, int TrainWindows) Train(ShotTrainingCorpus corpus, ShotTrainingOptions options,
        string? leaveOut = null, IProgress<EpochReport>? progress = null)
    {
        var train = new List<SequenceExample>();
        var validation = new List<SequenceExample>();
        foreach (var video in corpus.Real.Where(v => v.Source != leaveOut))
        {
            train.AddRange(video.Windows(options.WindowFrames, options.StrideFrames));
        }

        for (var i = 0; i < corpus.Synthetic.Count; i++)
        {
            var episode = corpus.Synthetic[i];
            if (episode.Source == leaveOut)
            {
                continue;
            }

            (i % options.ValidationEvery == 0 ? validation : train).AddRange(episode.Windows(options.WindowFrames, options.StrideFrames));
        }

        var model = new ShotTransitionModel(options.Model with { Seed = options.Seed });
        var trainer = new Trainer(new TrainerOptions
        {
            Epochs = options.Epochs,
            BatchSize = options.BatchSize,
            LearningRate = options.LearningRate,
            Patience = validation.Count > 0 ? options.Patience : 0,
            Seed = options.Seed,
        });
        var report = trainer.Fit(model.Network, train, validation.Count > 0 ? validation : null, progress);
        return (model, report, train.Count);
    }
}
