using System.Globalization;
using SceneCut.Embeddings;
using SceneCut.Evaluation;
using SceneCut.Evaluation.Real;
using SceneCut.Pipeline;
using SceneCut.Recurrent.Modes;
using SceneCut.Scenes;
using SceneCut.Scenes.Training;
using SceneCut.Scenes.Training.Labels;
using SceneCut.Scenes.Training.Real;

namespace SceneCut.Cli.Commands;

/// <summary>
/// <c>scenecut train --real &lt;dir&gt;</c>: analyses every video of a folder of real-video truth files
/// (<see cref="RealTruth"/>), prints the leave-one-source-out table next to the baselines, then trains the model on
/// every video and names the threshold that the pooled out-of-fold predictions choose.
/// </summary>
internal static class RealSceneTraining
{
    /// <summary>Runs it; returns the operating point the saved model should be used at.</summary>
    public static SceneOperatingPoint Run(
        PipelineOptions options,
        string truthFolder,
        string cacheDirectory,
        string? comparedModel,
        SceneOperatingPoint comparedPoint,
        string? spliceFolder,
        IReadOnlySet<string> excluded,
        IReadOnlySet<string> spliceValidation,
        RealSceneTrainingOptions training,
        Action<SequenceTaggerEnsemble, EmbeddingProvenance> save,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var c = CultureInfo.InvariantCulture;
        var truths = RealTruth.LoadFolder(truthFolder);
        if (truths.Count == 0)
        {
            throw new FileNotFoundException($"{truthFolder}: no *{RealTruth.Suffix} files");
        }

        using var embedder = FrameEmbedder.Create(options.Embeddings, warning => error.WriteLine($"scenecut: warning: {warning}"));
        var indexer = new FootageIndexer(embedder, options, cacheDirectory);
        var videos = new List<RealSceneVideo>();
        foreach (var truth in truths)
        {
            var video = RealSceneVideo.Of(truth, indexer.Index(truth.VideoPath, cancellationToken));
            videos.Add(video);
            error.WriteLine(string.Create(c, $"analysed {truth.Name} ({truth.Repository}): {video.Shots.Count} shots, {video.Labels.Count(l => l > 0.5f)} of {truth.Scenes.Count} scene starts on a shot"));
        }

        var spliceSources = new List<FootageIndex>();
        var validationSources = new List<FootageIndex>();
        if (spliceFolder is not null && training.SplicedEpisodes > 0)
        {
            var scored = videos.Select(v => Path.GetFileName(v.Truth.VideoPath)).ToHashSet(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(spliceFolder).Where(f => LabelFileReader.VideoExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal))
            {
                // A file that is also scored, or a copy of another video (--exclude), never becomes splicing material.
                var name = Path.GetFileName(file);
                if (!scored.Contains(name) && !excluded.Contains(name))
                {
                    (spliceValidation.Contains(name) ? validationSources : spliceSources).Add(indexer.Index(file, cancellationToken));
                }
            }

            output.WriteLine($"spliced episodes: {training.SplicedEpisodes} per network from {spliceSources.Count} files of {spliceFolder}: {string.Join(", ", spliceSources.Select(s => s.Source))}");
        }

        // The model card lists every file a model learned from, so anyone can check no evaluation file was among them.
        output.WriteLine("training files (sha256, file, source):");
        foreach (var video in videos)
        {
            output.WriteLine($"  {Sha256(video.Truth.VideoPath)}  {Path.GetFileName(video.Truth.VideoPath)}  {video.Repository}");
        }

        foreach (var source in spliceSources)
        {
            output.WriteLine($"  {Sha256(Path.Combine(spliceFolder!, source.Source))}  {source.Source}  spliced episodes");
        }

        output.WriteLine(string.Create(c, $"{videos.Count} videos from {videos.Select(v => v.Repository).Distinct().Count()} sources, {videos.Sum(v => v.Truth.Scenes.Count)} scene starts; leave-one-source-out, scenes F1 ±{RealScorer.SceneToleranceSeconds:0.#} s"));
        var compared = comparedModel is null ? null : SceneModel.Load(comparedModel, options.Scenes.WindowShots, options.Scenes.OverlapShots);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var report = new SceneCrossValidation(training, spliceSources).Run(
            videos, compared, comparedModel is null ? null : Path.GetFileName(comparedModel), comparedPoint, new Progress<string>(m => error.WriteLine(m)), cancellationToken);
        Print(report, output);
        output.WriteLine(string.Create(c, $"cross-validation took {stopwatch.Elapsed.TotalSeconds:0} s"));

        // The shipped operating point: chosen on every video's out-of-fold probabilities, which no fold's model saw.
        var pooled = videos.Select(v => (v, report.OutOfFold[v.Truth.Name])).ToList();
        var point = SceneCrossValidation.BestOperatingPoint(pooled, training.Thresholds, training.MinSceneSeconds);
        var validation = new SceneCrossValidation(training);
        var slotScore = validation.BestSlotScore(pooled, point);
        foreach (var score in training.SlotScores)
        {
            var (hits, count) = validation.SlotCounts(pooled, point, score);
            output.WriteLine(string.Create(c, $"pooled out-of-fold ad slots at score >= {score:0.00}: {hits} of {count} on a true scene start"));
        }

        var model = new RealSceneTrainer(training, spliceSources).Train(videos, cancellationToken);
        save(model, EmbeddingProvenance.Of(embedder, options.Embeddings));
        if (validationSources.Count >= 2)
        {
            ScoreOnSplicedEpisodes(new SceneModel(model, options.Scenes.WindowShots, options.Scenes.OverlapShots), validationSources, point, slotScore, output);
        }

        output.WriteLine(string.Create(c, $"operating point of the saved model (best pooled out-of-fold F1): threshold {point.Threshold:0.00}, shortest scene {point.MinSceneSeconds:0.#} s; minimum slot score (lowest with every pooled out-of-fold slot on a scene start): {slotScore:0.00}"));
        return point;
    }

    // Episodes spliced from files that no training step saw (neither spliced nor scored), with the seed and episode count
    // of the spliced model's validation: the saved model must not lose what joins of unrelated footage taught it.
    private static void ScoreOnSplicedEpisodes(SceneModel model, IReadOnlyList<FootageIndex> sources, SceneOperatingPoint point, double slotScore, TextWriter output)
    {
        var defaults = new SceneTrainingOptions();
        var episodes = new SceneModelTrainer(defaults).Episodes(sources, defaults.ValidationEpisodes, defaults.Seed + 1);
        var probabilities = episodes.Select(e => model.Predict(e.Shots)).ToList();
        var policy = SceneModelTrainer.EpisodePolicy;
        policy.MinScore = slotScore;
        var summary = SceneModelTrainer.Score(episodes, probabilities, point.Threshold, policy, point.MinSceneSeconds);
        var everyCut = SceneModelTrainer.Score(episodes, episodes.Select(e => e.Shots.Select(_ => 1.0).ToArray()).ToList(), 0.5, policy, 0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{episodes.Count} episodes spliced from held-apart files ({string.Join(", ", sources.Select(s => s.Source))}): scenes F1 ±1 s {summary.WithinTolerance.F1:0.000} (every cut {everyCut.WithinTolerance.F1:0.000}), AP {summary.AveragePrecision ?? double.NaN:0.000}, ad slots {summary.AdSlots.OnSceneBoundary} of {summary.AdSlots.Slots} on a true boundary"));
    }

    private static void Print(SceneCrossValidationReport report, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var heads = string.Join("  ", report.Methods.Select((_, m) => $"({(char)('a' + m)}) TP/FP/FN".PadLeft(15)));
        output.WriteLine($"{"held-out source",-44} {"thr",5} {"min s",5} {"cos",5}  {heads}");
        foreach (var fold in report.Folds)
        {
            var counts = string.Join("  ", fold.Scenes.Select(Counts));
            output.WriteLine(string.Create(c, $"{fold.Repository,-44} {fold.Point.Threshold,5:0.00} {fold.Point.MinSceneSeconds,5:0.#} {fold.CosineDistance,5:0.00}  {counts}  slots {fold.Slots.Hits}/{fold.Slots.Count} at >= {fold.SlotScore:0.00}"));
        }

        output.WriteLine();
        var (hits, count) = report.Slots;
        output.WriteLine(string.Create(c, $"(d) ad slots (gap 5 s, margin 3 s, slot score chosen per fold on the other sources): {hits} of {count} within 0.5 s of a true scene start"));
        output.WriteLine(string.Create(c, $"{"method",-34} {"P",6} {"R",6} {"F1",6}"));
        for (var m = 0; m < report.Methods.Count; m++)
        {
            var total = report.Total(m);
            output.WriteLine(string.Create(c, $"{report.Methods[m],-34} {total.Precision,6:0.000} {total.Recall,6:0.000} {total.F1,6:0.000}"));
        }
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    private static string Counts(MatchCounts m) => string.Create(CultureInfo.InvariantCulture, $"{$"{m.TruePositives}/{m.FalsePositives}/{m.FalseNegatives}",15}");
}
