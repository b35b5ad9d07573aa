using System.CommandLine;
using System.Security.Cryptography;
using SceneCut.Shots;
using SceneCut.Shots.Learned;
using SceneCut.Shots.Learned.Training;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut train-shots --real &lt;dir&gt; --truth &lt;dir&gt; --out models/shot-model.scm</c>: trains the learned
/// transition model on labelled real videos and episodes spliced from their shots; with <c>--loso &lt;dir&gt;</c> first
/// runs leave-one-source-out over the <c>--real</c> videos and writes each fold's predictions for <c>score_real.py</c>.
/// </summary>
public static class TrainShotsCommand
{
    public static Command Create(Option<FileInfo?> configOption)
    {
        var real = new Option<DirectoryInfo>("--real") { Description = "Folder of *.truth.json with a source each (data/real); their video paths are relative to it.", Required = true };
        var truth = new Option<DirectoryInfo?>("--truth") { Description = "Extra folder of truth files whose video paths are relative to its parent (data/truth); one source, never left out." };
        var output = new Option<FileInfo>("--out") { Description = "Where to write the model.", Required = true };
        var cache = new Option<DirectoryInfo?>("--cache") { Description = "Where decoded analysis-size frames are kept (default: the temporary folder)." };
        var loso = new Option<DirectoryInfo?>("--loso") { Description = "Run leave-one-source-out first; predictions go to <dir>/{off,add,replace}/NAME.json." };
        var seed = new Option<int>("--seed") { Description = "Seed of episodes, weights and order.", DefaultValueFactory = _ => new ShotTrainingOptions().Seed };
        var epochs = new Option<int>("--epochs") { Description = "Most passes over the training windows.", DefaultValueFactory = _ => new ShotTrainingOptions().Epochs };
        var command = new Command("train-shots", "Train the learned shot-transition model on labelled real footage and synthetic transitions.")
        {
            real, truth, output, cache, loso, seed, epochs,
        };
        command.SetAction((parse, cancellationToken) => CommandErrors.RunAsync(
            () =>
            {
                var settings = SettingsLoader.Load(parse.GetValue(configOption));
                var shots = settings.Shots;
                var error = System.Console.Error;
                var cacheFolder = parse.GetValue(cache)?.FullName ?? Path.Combine(Path.GetTempPath(), "scenecut-shot-frames");
                var realFolder = parse.GetRequiredValue(real).FullName;
                var evaluation = LabelledVideo.LoadFolder(realFolder, realFolder, "unknown");
                var extra = parse.GetValue(truth) is { } t
                    ? LabelledVideo.LoadFolder(t.FullName, Path.GetDirectoryName(t.FullName.TrimEnd(Path.DirectorySeparatorChar))!, "dev-clips")
                    : [];
                var all = new List<(LabelledVideo Truth, CachedVideo Video)>();
                foreach (var video in evaluation.Concat(extra))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    all.Add((video, FrameCache.Load(video.MediaPath, cacheFolder, settings.Decoding, shots.AnalysisWidth)));
                    error.WriteLine($"frames {video.Name}: {all[^1].Video.Frames.Length} ({video.Source})");
                }

                var options = new ShotTrainingOptions { Seed = parse.GetValue(seed), Epochs = parse.GetValue(epochs) };
                var corpus = ShotTrainingCorpus.Build(all, options, shots, error.WriteLine);
                error.WriteLine($"corpus: {corpus.Real.Count} labelled videos, {corpus.Synthetic.Count} synthetic episodes");
                // The model to ship first: leave-one-source-out then chooses its decoder settings (see LeaveOneSourceOut).
                var (model, report, windows) = ShotModelTrainer.Train(corpus, options,
                    progress: new Progress<Recurrent.Training.EpochReport>(e => error.WriteLine($"epoch {e.Epoch}: train {e.TrainLoss:F4} validation {e.ValidationLoss:F4}")));
                var choice = new DecoderChoice(LearnedShotMode.Add, shots.Learned.CutThreshold, shots.Learned.GradualThreshold,
                    shots.Learned.MinGradualFrames, shots.Learned.MinGradualScore);
                if (parse.GetValue(loso) is { } losoFolder)
                {
                    var evaluated = all.Where(v => evaluation.Contains(v.Truth)).ToList();
                    var development = all.Where(v => !evaluation.Contains(v.Truth)).ToList();
                    choice = LeaveOneSourceOut.Run(corpus, evaluated, development, model, options, shots, losoFolder.FullName, error.WriteLine);
                }

                var modelFile = parse.GetRequiredValue(output);
                Directory.CreateDirectory(modelFile.DirectoryName ?? ".");
                var files = all.Select(v => v.Truth).SelectMany(v => new[] { v.MediaPath, v.TruthPath }).ToList();
                using (var stream = File.Create(modelFile.FullName))
                {
                    model.Save(stream, new Dictionary<string, string>
                    {
                        ["command"] = "scenecut train-shots " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1)),
                        ["trainingWindows"] = windows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["bestEpoch"] = report.BestEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ["trainingFiles"] = string.Join(';', files.Select(Path.GetFileName)),
                        ["decoder"] = choice.ToString(),
                    });
                }

                System.Console.Out.WriteLine($"model: {modelFile.FullName} ({windows} training windows, best epoch {report.BestEpoch} of {report.Epochs.Count})");
                System.Console.Out.WriteLine($"decoder: {choice}");
                System.Console.Out.WriteLine("training files (sha256):");
                foreach (var file in files)
                {
                    using var stream = File.OpenRead(file);
                    System.Console.Out.WriteLine($"{Convert.ToHexStringLower(SHA256.HashData(stream))}  {Path.GetRelativePath(Path.GetDirectoryName(realFolder)!, file)}");
                }

                return Task.FromResult(ExitCodes.Ok);
            },
            System.Console.Error));
        return command;
    }
}
