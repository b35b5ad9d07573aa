using System.CommandLine;
using System.Globalization;
using SceneCut.Embeddings;
using SceneCut.Recurrent.Cells;
using SceneCut.Scenes;
using SceneCut.Recurrent.Modes;
using SceneCut.Pipeline;
using SceneCut.Scenes.Training;
using SceneCut.Scenes.Training.Real;
using SceneCut.Scenes.Training.Labels;
using SceneCut.Scenes.Training.Photos;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut train --from-footage &lt;dir&gt; --out model.scm</c>: trains the scene model on episodes spliced from a
/// folder of videos (no labels needed; <c>--photos</c> adds photo episodes), validates on episodes from held-out
/// videos, and prints the scores next to the baselines.
/// <c>scenecut train --labels &lt;file|dir&gt; --out model.scm</c>: fine-tunes an existing model (<c>--model</c>, default
/// the configured one) on the user's videos with known scene starts (JSON/CSV/EDL, docs/training.md).
/// Either way <c>--onnx</c> also writes the model as an ONNX graph.
/// </summary>
public static class TrainCommand
{
    private static readonly string[] VideoExtensions = [".mp4", ".avi", ".mkv", ".mov", ".webm", ".flv", ".m4v", ".ts", ".mpg"];

    public static Command Create(Option<FileInfo?> configOption)
    {
        var footage = new Option<DirectoryInfo?>("--from-footage") { Description = "Folder of videos to splice episodes from." };
        var real = new Option<DirectoryInfo?>("--real") { Description = "Folder of real-video truth files (shared/data/real format): leave-one-source-out table against the baselines, then a model trained on every video." };
        var compareModel = new Option<FileInfo?>("--compare-model") { Description = "With --real: a scene model to score beside the trained one, at SceneCut:Scenes:Threshold (default: the configured model)." };
        var compareThreshold = new Option<double?>("--compare-threshold") { Description = "With --compare-model: its scene threshold (default SceneCut:Scenes:Threshold)." };
        var compareMinScene = new Option<double?>("--compare-min-scene") { Description = "With --compare-model: its shortest scene in seconds (default SceneCut:Scenes:MinSceneSeconds)." };
        var hidden = new Option<int?>("--hidden-size") { Description = "With --real: units per direction (default 8)." };
        var epochs = new Option<int?>("--epochs") { Description = "With --real: training epochs, fixed in advance (default 10)." };
        var splice = new Option<DirectoryInfo?>("--splice-from") { Description = "With --real: a folder of other footage to splice extra training episodes from (joins of different files are scene changes)." };
        var spliced = new Option<int?>("--spliced-episodes") { Description = "With --real and --splice-from: episodes per network (default 300)." };
        var minScene = new Option<double[]>("--min-scene") { Description = "With --real: shortest scenes in seconds that the operating point is chosen among (default 0 1 2 3).", AllowMultipleArgumentsPerToken = true };
        var legacyFeatures = new Option<bool>("--legacy-features") { Description = "With --real: only the 16 features of older models (the ablation of the relative features)." };
        var labels = new Option<FileSystemInfo?>("--labels") { Description = "Label file (.json/.csv/.edl) or folder of them: fine-tune the model on these videos' known scene starts." };
        var baseModel = new Option<FileInfo?>("--model") { Description = "With --labels: the model to start from (default: SceneCut:Scenes:ModelPath)." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the trained model.", Required = true };
        var validation = new Option<string[]>("--validation") { Description = "File names held out for validation (default: every fourth file by name); with --real, files of --splice-from kept for scoring the saved model on spliced episodes.", AllowMultipleArgumentsPerToken = true };
        var exclude = new Option<string[]>("--exclude") { Description = "File names to leave out (e.g. a copy of another file).", AllowMultipleArgumentsPerToken = true };
        var cell = new Option<CellType>("--cell") { Description = "Recurrent cell of the saved model.", DefaultValueFactory = _ => CellType.Lstm };
        var compare = new Option<bool>("--compare-cells") { Description = "Also train RNN and GRU (or LSTM) of the same size and report them." };
        var episodes = new Option<int>("--episodes") { Description = "Training episodes.", DefaultValueFactory = _ => new SceneTrainingOptions().TrainingEpisodes };
        var seed = new Option<int>("--seed") { Description = "Seed of episodes, weights and order.", DefaultValueFactory = _ => new SceneTrainingOptions().Seed };
        var ensemble = new Option<int>("--ensemble") { Description = "Networks to train and average (seeds --seed, +4, +8, …); all are saved in the one model file.", DefaultValueFactory = _ => new SceneTrainingOptions().EnsembleSize };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "Where analysed footage is cached (default: beside the model)." };
        var photos = new Option<DirectoryInfo?>("--photos") { Description = "Folder of still photographs (scripts/fetch-training-photos.sh) for photo episodes; a fifth of the places is held out." };
        var onnx = new Option<FileInfo?>("--onnx") { Description = "Also write the trained model as an ONNX graph (standard LSTM/GRU/RNN operators)." };
        var command = new Command("train", "Train the scene model on episodes spliced from real footage.")
        {
            footage, labels, baseModel, output, validation, exclude, cell, compare, episodes, seed, ensemble, cache, photos, onnx, real, compareModel, hidden, epochs, legacyFeatures, splice, spliced, compareThreshold, minScene, compareMinScene,
        };
        command.Validators.Add(result =>
        {
            // Validators run before defaults are applied: an absent --ensemble reads 0 here, so only a given one is checked.
            var ensembleGiven = result.GetResult(ensemble) is { Implicit: false };
            var modes = (result.GetValue(footage) is null ? 0 : 1) + (result.GetValue(labels) is null ? 0 : 1) + (result.GetValue(real) is null ? 0 : 1);
            if (modes != 1)
            {
                result.AddError("Give one of --from-footage <dir> (train on spliced episodes), --real <dir> (train on real videos with scene truth) or --labels <file|dir> (fine-tune).");
            }
            else if (result.GetValue(labels) is not null && (result.GetValue(photos) is not null || result.GetValue(compare) || result.GetValue(validation) is { Length: > 0 } || ensembleGiven))
            {
                result.AddError("--photos, --compare-cells, --ensemble and --validation go with --from-footage; --labels fine-tunes on the labelled videos only (every member of the model's ensemble).");
            }
            else if (ensembleGiven && result.GetValue(ensemble) is < 1 or > Recurrent.Serialization.ModelFile.MaxMembers)
            {
                result.AddError($"--ensemble must be 1 to {Recurrent.Serialization.ModelFile.MaxMembers}, found {result.GetValue(ensemble)}.");
            }
            else if (result.GetValue(footage) is not null && result.GetValue(baseModel) is not null)
            {
                result.AddError("--model (the model to start from) goes with --labels; --from-footage trains a new model.");
            }
        });

        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            () =>
            {
                var options = SettingsLoader.Load(parse.GetValue(configOption));
                var modelFile = parse.GetRequiredValue(output);
                var cacheDirectory = parse.GetValue(cache)?.FullName ?? Path.Combine(modelFile.DirectoryName ?? ".", ".footage-cache");
                if (parse.GetValue(labels) is { } labelPath)
                {
                    var start = parse.GetValue(baseModel)?.FullName ?? options.Scenes.ResolveModelPath();
                    FineTune(options, labelPath.FullName, start, cacheDirectory, modelFile, parse.GetValue(onnx), cancellationToken);
                    return Task.FromResult(ExitCodes.Ok);
                }

                if (parse.GetValue(real) is { } realFolder)
                {
                    // --cell defaults to the spliced model's LSTM; the real-video model has its own default unless one is given.
                    var realOptions = new RealSceneTrainingOptions { Seed = parse.GetValue(seed) };
                    realOptions = realOptions with
                    {
                        Cell = parse.GetResult(cell) is null or { Implicit: true } ? realOptions.Cell : parse.GetValue(cell),
                        HiddenSize = parse.GetValue(hidden) ?? realOptions.HiddenSize,
                        Epochs = parse.GetValue(epochs) ?? realOptions.Epochs,
                        FeatureSize = parse.GetValue(legacyFeatures) ? SceneFeatures.LegacySize : realOptions.FeatureSize,
                        SplicedEpisodes = parse.GetValue(spliced) ?? realOptions.SplicedEpisodes,
                        MinSceneSeconds = parse.GetValue(minScene) is { Length: > 0 } given ? given : realOptions.MinSceneSeconds,
                    };
                    RealSceneTraining.Run(
                        options,
                        realFolder.FullName,
                        cacheDirectory,
                        parse.GetValue(compareModel)?.FullName ?? options.Scenes.ResolveModelPath(),
                        new SceneOperatingPoint(parse.GetValue(compareThreshold) ?? options.Scenes.Threshold, parse.GetValue(compareMinScene) ?? options.Scenes.MinSceneSeconds),
                        parse.GetValue(splice)?.FullName,
                        (parse.GetValue(exclude) ?? []).ToHashSet(StringComparer.Ordinal),
                        (parse.GetValue(validation) ?? []).ToHashSet(StringComparer.Ordinal),
                        realOptions,
                        (model, trainedOn) => Save(model, trainedOn, modelFile, parse.GetValue(onnx)),
                        System.Console.Out,
                        System.Console.Error,
                        cancellationToken);
                    return Task.FromResult(ExitCodes.Ok);
                }

                var excluded = (parse.GetValue(exclude) ?? []).ToHashSet(StringComparer.Ordinal);
                var files = parse.GetValue(footage)!.EnumerateFiles()
                    .Where(f => VideoExtensions.Contains(f.Extension.ToLowerInvariant()) && !excluded.Contains(f.Name))
                    .OrderBy(f => f.Name, StringComparer.Ordinal)
                    .ToList();
                var held = parse.GetValue(validation) is { Length: > 0 } named
                    ? named.ToHashSet(StringComparer.Ordinal)
                    : files.Where((_, i) => i % 4 == 1).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
                var error = System.Console.Error;

                using var embedder = FrameEmbedder.Create(options.Embeddings, warning => error.WriteLine($"scenecut: warning: {warning}"));
                var indexer = new FootageIndexer(embedder, options, cacheDirectory);
                var indices = new List<FootageIndex>();
                foreach (var file in files)
                {
                    indices.Add(indexer.Index(file.FullName, cancellationToken));
                    error.WriteLine($"analysed {file.Name}: {indices[^1].Shots.Count} shots, {indices[^1].Samples.Count} embedded frames");
                }

                var trainingSources = indices.Where(i => !held.Contains(i.Source)).ToList();
                var validationSources = indices.Where(i => held.Contains(i.Source)).ToList();
                // The same footage on both sides of the split would score the model on what it learned.
                var copies = FootageCopies.Find(trainingSources, validationSources);
                if (copies.Count > 0)
                {
                    error.WriteLine($"scenecut: error: the same footage is on both sides of the split (same cuts and length): {string.Join("; ", copies.Select(c => $"{c.Training.Source} (training) = {c.Validation.Source} (validation)"))}. Leave the copy out with --exclude or hold both out with --validation.");
                    return Task.FromResult(ExitCodes.Failure);
                }

                System.Console.Out.WriteLine($"training sources ({trainingSources.Count}): {string.Join(", ", trainingSources.Select(s => s.Source))}");
                System.Console.Out.WriteLine($"validation sources ({validationSources.Count}): {string.Join(", ", validationSources.Select(s => s.Source))}");

                PhotoSplit? photoSplit = null;
                if (parse.GetValue(photos) is { } photoFolder)
                {
                    var photoIndexer = new PhotoIndexer(embedder, options.Scenes, new PhotoRecipe(), Path.Combine(cacheDirectory, "photos"));
                    photoSplit = photoIndexer.IndexAll(photoFolder.FullName, cancellationToken);
                    System.Console.Out.WriteLine($"photos: {photoSplit.Training.Count} for training, {photoSplit.Validation.Count} held out (of {PhotoIndexer.Find(photoFolder.FullName).Count} pictures; unreadable and small ones skipped)");
                }

                var trainingOptions = new SceneTrainingOptions { Cell = parse.GetValue(cell), TrainingEpisodes = parse.GetValue(episodes), Seed = parse.GetValue(seed), EnsembleSize = parse.GetValue(ensemble) };
                var trainer = new SceneModelTrainer(trainingOptions);
                var (model, scores) = trainer.Train(
                    trainingSources,
                    validationSources,
                    parse.GetValue(compare),
                    new Progress<string>(m => error.WriteLine(m)),
                    photoSplit?.Training.Select(p => p.ToFootage()).ToList(),
                    photoSplit?.Validation.Select(p => p.ToFootage()).ToList());

                Save(model, EmbeddingProvenance.Of(embedder, options.Embeddings), modelFile, parse.GetValue(onnx));
                Print(scores, System.Console.Out);
                return Task.FromResult(ExitCodes.Ok);
            },
            System.Console.Error));
        return command;
    }

    private static void FineTune(PipelineOptions options, string labelPath, string startModel, string cacheDirectory, FileInfo modelFile, FileInfo? onnxFile, CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var error = System.Console.Error;
        var fineTune = new FineTuneOptions();
        var labelled = LabelFileReader.Read(labelPath);
        using var embedder = FrameEmbedder.Create(options.Embeddings, warning => error.WriteLine($"scenecut: warning: {warning}"));
        var indexer = new FootageIndexer(embedder, options, cacheDirectory);
        var videos = new List<LabelledShots>();
        foreach (var video in labelled)
        {
            videos.Add(LabelledShots.Analyse(video, indexer, fineTune.ShotToleranceSeconds, cancellationToken));
            var shots = videos[^1];
            error.WriteLine(string.Create(c, $"analysed {shots.Video}: {shots.Shots.Count} shots, {shots.Labels.Count(l => l > 0.5f)} labelled scene starts on a shot, {shots.UnmatchedStarts} with no shot start within {fineTune.ShotToleranceSeconds} s"));
        }

        var model = SceneModel.Load(startModel, options.Scenes.WindowShots, options.Scenes.OverlapShots).Ensemble;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var report = new LabelFineTuner(fineTune, options.Scenes.WindowShots).FineTune(model, videos, cancellationToken);
        System.Console.Out.WriteLine(string.Create(c,
            $"fine-tuned {startModel} ({report.Training.Count} network(s)) on {videos.Count} videos: {string.Join(", ", report.Training.Select(t => $"{t.Epochs.Count} epochs (best {t.BestEpoch})"))}, {report.HeldOutShots} shots held out, in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        System.Console.Out.WriteLine(string.Create(c,
            $"mean probability at labelled scene starts {report.Before.AtSceneStarts:0.000} -> {report.After.AtSceneStarts:0.000}, elsewhere {report.Before.Elsewhere:0.000} -> {report.After.Elsewhere:0.000}"));
        // Fine-tuned on this run's embeddings: that is what the saved model expects from now on.
        Save(model, EmbeddingProvenance.Of(embedder, options.Embeddings), modelFile, onnxFile);
    }

    /// <summary>
    /// Writes the model (and its ONNX graph when asked) and says where. Every model file says which embeddings it was
    /// trained on (<paramref name="trainedOn"/>), so <c>detect</c> can warn when it is given other ones.
    /// </summary>
    private static void Save(SequenceTaggerEnsemble model, EmbeddingProvenance trainedOn, FileInfo modelFile, FileInfo? onnxFile)
    {
        model = model.WithMetadata(trainedOn.ToMetadata());
        Directory.CreateDirectory(modelFile.DirectoryName ?? ".");
        using (var stream = File.Create(modelFile.FullName))
        {
            model.Save(stream);
        }

        modelFile.Refresh();
        System.Console.Out.WriteLine($"model written to {modelFile.FullName} ({modelFile.Length} bytes, {model.Members.Count} network(s))");
        if (onnxFile is not null)
        {
            Directory.CreateDirectory(onnxFile.DirectoryName ?? ".");
            using (var stream = File.Create(onnxFile.FullName))
            {
                model.ExportOnnx(stream);
            }

            onnxFile.Refresh();
            System.Console.Out.WriteLine($"ONNX graph written to {onnxFile.FullName} ({onnxFile.Length} bytes)");
        }
    }

    private static void Print(IReadOnlyList<SceneMethodScore> scores, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{"method",-34} {"AP",6} {"F1@0.5",7} {"F1±1s",7} {"mIoU",6} {"slot P",7} {"slots",6} {"train s",8}"));
        foreach (var score in scores)
        {
            var s = score.Summary;
            output.WriteLine(string.Create(c,
                $"{score.Method,-34} {s.AveragePrecision ?? double.NaN,6:0.000} {s.AtThreshold.F1,7:0.000} {s.WithinTolerance.F1,7:0.000} {s.MeanIoU ?? double.NaN,6:0.000} {s.AdSlots.Precision ?? double.NaN,7:0.000} {s.AdSlots.Slots,6} {score.TrainingSeconds,8:0.0}"));
        }
    }
}
