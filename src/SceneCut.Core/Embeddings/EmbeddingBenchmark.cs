using System.Diagnostics;
using OpenCvSharp;
using SceneCut.Video;

namespace SceneCut.Embeddings;

/// <summary>
/// Measures embedding speed one frame per call against the configured batch, on the same frames in the same run
/// (for <c>scenecut bench</c>). Each configuration is warmed up once, then timed <c>runs</c> times; the best run is kept.
/// </summary>
public static class EmbeddingBenchmark
{
    /// <summary>Distinct frames taken from the video: enough to fill a batch, few enough to keep in memory at full size.</summary>
    public const int SampleFrames = 16;

    /// <summary>Single (batch 1) and batched speed on <see cref="SampleFrames"/> frames spread over <paramref name="videoPath"/>.</summary>
    public static (EmbeddingSpeed Single, EmbeddingSpeed Batched) Measure(string videoPath, EmbeddingOptions options, int runs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var frames = SampleVideo(videoPath, cancellationToken);
        try
        {
            return Measure(frames, options, runs);
        }
        finally
        {
            frames.ForEach(f => f.Dispose());
        }
    }

    /// <summary>Single (batch 1) and batched speed on <paramref name="frames"/>.</summary>
    public static (EmbeddingSpeed Single, EmbeddingSpeed Batched) Measure(IReadOnlyList<Mat> frames, EmbeddingOptions options, int runs)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var single = MeasureOne(frames, Copy(options, batchSize: 1), runs);
        var batched = MeasureOne(frames, Copy(options, options.BatchSize), runs);
        return (single, batched);
    }

    private static EmbeddingSpeed MeasureOne(IReadOnlyList<Mat> frames, EmbeddingOptions options, int runs)
    {
        using var embedder = OnnxFrameEmbedder.Create(options, warn: null);
        // Warm-up: ONNX Runtime allocates its arena and picks kernels on the first call of each batch size.
        embedder.Embed(frames.Take(embedder.BatchSize).ToList());
        var process = Process.GetCurrentProcess();
        EmbeddingSpeed? best = null;
        for (var run = 0; run < runs; run++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            embedder.Embed(frames);
            var wall = stopwatch.Elapsed.TotalMilliseconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            var speed = new EmbeddingSpeed(embedder.BatchSize, frames.Count, wall / frames.Count, cpu / frames.Count);
            if (best is null || speed.MillisecondsPerFrame < best.MillisecondsPerFrame)
            {
                best = speed;
            }
        }

        return best!;
    }

    private static EmbeddingOptions Copy(EmbeddingOptions options, int batchSize) => new()
    {
        ModelPath = options.ModelPath,
        InputWidth = options.InputWidth,
        InputHeight = options.InputHeight,
        Layout = options.Layout,
        ChannelOrder = options.ChannelOrder,
        PixelScale = options.PixelScale,
        Mean = options.Mean,
        Std = options.Std,
        ResizeMode = options.ResizeMode,
        InputName = options.InputName,
        OutputName = options.OutputName,
        BatchSize = batchSize,
        IntraOpThreads = options.IntraOpThreads,
        GraphOptimization = options.GraphOptimization,
        ExecutionProvider = options.ExecutionProvider,
        DeviceId = options.DeviceId,
        CacheDirectory = options.CacheDirectory,
    };

    // Frames spread over the video (every k-th of the declared count), copied at full size as the pipeline sees them.
    private static List<Mat> SampleVideo(string videoPath, CancellationToken cancellationToken)
    {
        using var source = OpenCvFrameSource.Open(videoPath);
        var declared = source.Info.DeclaredFrameCount;
        var step = Math.Max(1, declared / SampleFrames);
        var frames = new List<Mat>(SampleFrames);
        foreach (var frame in source.ReadFrames(cancellationToken))
        {
            if (frame.Index % step == 0)
            {
                frames.Add(frame.Image.Clone());
                if (frames.Count == SampleFrames)
                {
                    break;
                }
            }
        }

        return frames;
    }
}
