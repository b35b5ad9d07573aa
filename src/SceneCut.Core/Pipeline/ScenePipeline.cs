using System.Diagnostics;
using SceneCut.AdSlots;
using SceneCut.Results;
using SceneCut.Scenes;
using SceneCut.Shots;
using SceneCut.Video;

namespace SceneCut.Pipeline;

/// <summary>
/// The one entry point the CLI and the worker share: decode a video, find its shots, embed one frame per shot, let the
/// scene model find scene changes, pick ad slots, and return the result document. Frames stream through; only small
/// per-frame features and a few frame copies of the current shot live longer than one frame.
/// </summary>
public static class ScenePipeline
{
    // Progress is reported this often (in frames) so a slow consumer never slows decoding.
    private const int ProgressEveryFrames = 25;

    /// <summary>The tool name and version written into every result.</summary>
    public static string ToolVersion { get; } =
        "scenecut " + (typeof(ScenePipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>Analyses <paramref name="path"/>.</summary>
    /// <exception cref="VideoInputException">The file is missing, empty, unreadable or not a video.</exception>
    public static Task<ResultDocument> RunAsync(
        string path,
        PipelineOptions options,
        IProgress<PipelineProgress>? progress,
        CancellationToken cancellationToken)
    {
        options.Validate();
        // Every decoder hands frames over as OpenCV pictures: fail now, with the fix, if OpenCV's native library is missing.
        OpenCvRuntime.EnsureLoaded();
        // Decoding is synchronous native work for seconds to minutes: a thread of its own, not one of the thread pool's,
        // whose timers (the worker's Hangfire heartbeat among them) must keep running on a 2-core machine.
        return Task.Factory.StartNew(
            () => Run(path, options, progress, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private static ResultDocument Run(string path, PipelineOptions options, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var warnings = new List<string>();
        // The first file of a process loads the CNN and the scene model (about a second of CPU) while FFmpeg is found and
        // the file probed (mostly waiting on child processes); later files find both loaded.
        var loading = options.Scenes.Enabled
            ? Task.Factory.StartNew(() => SceneStage.LoadModels(options, warnings.Add), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : Task.CompletedTask;
        try
        {
            return Analyse(path, options, progress, loading, warnings, stopwatch, cancellationToken);
        }
        catch
        {
            // The loader runs ONNX Runtime's native code on its own thread: a process that ends with an error while it
            // runs can die of SIGSEGV, or ONNX Runtime prints "Exception during initialization" under our error (an
            // audio-only file, a missing file). Whatever failed, the loader finishes before the error leaves.
            try
            {
                loading.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The first failure is the error to report; a model that also fails to load says so on the next file.
            }

            throw;
        }
    }

    private static ResultDocument Analyse(
        string path, PipelineOptions options, IProgress<PipelineProgress>? progress, Task loading, List<string> warnings, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        // FFmpeg scales while decoding: every frame to the analysis size, and when scenes are on, the CNN's sample frames
        // to the sample size in a second output.
        using var source = FrameSourceFactory.Open(path, options.Decoding, FrameScale.ToWidth(options.Shots.AnalysisWidth), SceneStage.RequiredSampling(options), cancellationToken);
        using var extractor = new FrameFeatureExtractor(options.Shots.AnalysisWidth, options.Shots.HistogramBins);
        var detector = new ShotDetector(options.Shots, source.Info.Fps);
        loading.GetAwaiter().GetResult();
        using var scenes = SceneStage.Create(options, source.Info.Fps, warnings.Add);

        var firstSeconds = 0.0;
        foreach (var frame in source.ReadFrames(cancellationToken))
        {
            if (frame.Index == 0)
            {
                firstSeconds = frame.Seconds;
            }

            detector.Process(extractor.Extract(frame.Index, frame.Seconds, frame.Image));
            scenes?.OnFrame(frame, detector);
            if (progress is not null && frame.Index % ProgressEveryFrames == 0)
            {
                progress.Report(new PipelineProgress(frame.Index + 1, source.Info.DeclaredFrameCount, frame.Seconds, (frame.Index + 1) / stopwatch.Elapsed.TotalSeconds));
            }
        }

        var shots = detector.Finish();
        var probabilities = scenes?.Complete(shots);
        var summary = source.Summary;
        if (summary.Warning is not null)
        {
            warnings.Add(summary.Warning);
        }

        if (summary.Damage.Warning(shots.FrameCount) is { } damaged)
        {
            warnings.Add(damaged);
        }

        var elapsed = stopwatch.Elapsed.TotalSeconds;
        progress?.Report(new PipelineProgress(shots.FrameCount, source.Info.DeclaredFrameCount, summary.LastFrameSeconds, shots.FrameCount / elapsed));

        var document = ResultDocumentBuilder.Build(
            source.Info,
            summary,
            shots,
            firstSeconds,
            new ProcessingSection(elapsed, shots.FrameCount / elapsed, ToolVersion, source.DecoderName, warnings)
            {
                EmbeddingSeconds = scenes?.EmbeddingTime.TotalSeconds ?? 0,
                SceneModelSeconds = scenes?.ModelTime.TotalSeconds ?? 0,
            });
        if (probabilities is null)
        {
            return document;
        }

        // A cut on a damaged frame may be the damage itself: it never starts a scene (nor, so, an ad slot).
        probabilities = [.. probabilities.Select((p, i) => document.Shots[i].TransitionIn is { Damaged: true } ? 0 : p)];
        document = document with
        {
            Scenes = SceneBuilder.Build(document.Shots, probabilities, options.Scenes.Threshold, options.Scenes.MinSceneSeconds),
            SceneBoundaryProbabilities = probabilities.Select(p => Math.Round(p, 4)).ToList(),
        };
        var plan = AdSlotPlanner.Plan(document, options.AdPolicy);
        return document with { AdSlots = plan.Slots, AdPolicy = plan.Policy };
    }
}
