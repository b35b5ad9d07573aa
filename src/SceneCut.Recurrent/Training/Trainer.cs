using SceneCut.Recurrent.Modes;

namespace SceneCut.Recurrent.Training;

/// <summary>
/// Mini-batch training for any <see cref="ISequenceModel"/>: shuffle (seeded), zero gradients once, forward and
/// backward, clip, schedule the rate, step the optimizer; then score the validation set and stop early.
/// The same seeds and data give bit-identical weights.
/// </summary>
public sealed class Trainer(TrainerOptions options)
{
    public TrainerOptions Options { get; } = Validated(options);

    public TrainingReport Fit(ISequenceModel model, IReadOnlyList<SequenceExample> train,
        IReadOnlyList<SequenceExample>? validation = null, IProgress<EpochReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("The training set is empty.", nameof(train));
        }

        IReadOnlyList<Parameter> parameters = model.Parameters;
        IOptimizer optimizer = Options.Optimizer switch
        {
            OptimizerKind.SgdMomentum => new SgdMomentum(Options.Momentum, Options.WeightDecay),
            OptimizerKind.AdamW => new Adam(weightDecay: Options.WeightDecay, decoupledWeightDecay: true),
            _ => new Adam(weightDecay: Options.WeightDecay, decoupledWeightDecay: false),
        };
        var random = new Random(Options.Seed);
        int[] order = Enumerable.Range(0, train.Count).ToArray();
        int batchesPerEpoch = (train.Count + Options.BatchSize - 1) / Options.BatchSize;
        int totalSteps = batchesPerEpoch * Options.Epochs;
        int step = 0;
        var epochs = new List<EpochReport>();
        double best = double.PositiveInfinity;
        int bestEpoch = 0;
        float[][]? bestWeights = null;
        bool stoppedEarly = false;
        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            random.Shuffle(order);
            double lossSum = 0, normSum = 0;
            for (int start = 0; start < train.Count; start += Options.BatchSize)
            {
                int count = Math.Min(Options.BatchSize, train.Count - start);
                var batch = new SequenceExample[count];
                for (int i = 0; i < count; i++)
                {
                    batch[i] = train[order[start + i]];
                }

                foreach (Parameter p in parameters)
                {
                    p.ZeroGradient();
                }

                lossSum += model.Loss(batch, training: true) * count;
                normSum += Options.ClipNorm > 0
                    ? GradientClipping.ClipByGlobalNorm(parameters, Options.ClipNorm)
                    : GradientClipping.GlobalNorm(parameters);
                if (Options.ClipValue > 0)
                {
                    GradientClipping.ClipByValue(parameters, Options.ClipValue);
                }

                optimizer.Step(parameters, Options.Schedule.Rate(Options.LearningRate, step++, totalSteps));
            }

            double validationLoss = validation is { Count: > 0 } ? Evaluate(model, validation) : double.NaN;
            var report = new EpochReport(epoch, lossSum / train.Count, validationLoss, normSum / batchesPerEpoch);
            epochs.Add(report);
            progress?.Report(report);
            if (double.IsNaN(validationLoss))
            {
                bestEpoch = epoch;
                continue;
            }

            if (validationLoss < best)
            {
                best = validationLoss;
                bestEpoch = epoch;
                bestWeights = Options.Patience > 0 ? parameters.Select(p => (float[])p.Value.Clone()).ToArray() : null;
            }
            else if (Options.Patience > 0 && epoch - bestEpoch >= Options.Patience)
            {
                stoppedEarly = true;
                break;
            }
        }

        if (bestWeights is not null)
        {
            for (int i = 0; i < parameters.Count; i++)
            {
                bestWeights[i].CopyTo(parameters[i].Value, 0);
            }
        }

        return new TrainingReport(epochs, bestEpoch, stoppedEarly);
    }

    /// <summary>Mean loss over a data set, in batches of <see cref="TrainerOptions.BatchSize"/>, without gradients.</summary>
    public double Evaluate(ISequenceModel model, IReadOnlyList<SequenceExample> data)
    {
        double sum = 0;
        for (int start = 0; start < data.Count; start += Options.BatchSize)
        {
            int count = Math.Min(Options.BatchSize, data.Count - start);
            var batch = new SequenceExample[count];
            for (int i = 0; i < count; i++)
            {
                batch[i] = data[start + i];
            }

            sum += model.Loss(batch, training: false) * count;
        }

        return sum / data.Count;
    }

    private static TrainerOptions Validated(TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }
}
