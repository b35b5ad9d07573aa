using System.Globalization;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using OpenCvSharp;

namespace SceneCut.Embeddings;

/// <summary>
/// An <see cref="IFrameEmbedder"/> over any ONNX image CNN run by ONNX Runtime. The session is created once and
/// reused; inputs and outputs go through the <see cref="OrtValue"/> API over one pinned tensor buffer, so embedding
/// allocates only the result vectors. Calls are serialised (the buffer is shared); use one embedder per thread for
/// parallel work.
/// </summary>
internal sealed class OnnxFrameEmbedder : IFrameEmbedder
{
    // Two frames differ this much at most between a batched and a single run before batching is called unsafe
    // (ONNX Runtime picks other convolution tilings per batch size, which moves the last float bits only).
    private const float BatchAgreementTolerance = 1e-4f;

    private readonly InferenceSession session;
    private readonly FramePreprocessor preprocessor;
    private readonly RunOptions runOptions = new();
    private readonly string inputName;
    private readonly string outputName;
    private readonly TensorLayout layout;
    private readonly int inputWidth;
    private readonly int inputHeight;
    // (BatchSize, 3, H, W) or (BatchSize, H, W, 3), pinned because OpenCV writes into it through its address.
    private readonly float[] tensor;
    private readonly Lock gate = new();

    private OnnxFrameEmbedder(InferenceSession session, EmbeddingOptions options, ModelShape shape, int batchSize, string modelId, string provider, IReadOnlyList<string> warnings)
    {
        this.session = session;
        inputName = shape.InputName;
        outputName = shape.OutputName;
        layout = options.Layout;
        inputWidth = options.InputWidth;
        inputHeight = options.InputHeight;
        Dimension = shape.Dimension;
        BatchSize = batchSize;
        ModelId = modelId;
        ExecutionProvider = provider;
        Warnings = warnings;
        preprocessor = new FramePreprocessor(options);
        tensor = GC.AllocateArray<float>(batchSize * preprocessor.FloatsPerFrame, pinned: true);
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <inheritdoc />
    public string ModelId { get; }

    /// <summary>Frames per ONNX Runtime call actually used (1 when the model cannot be batched safely).</summary>
    public int BatchSize { get; }

    /// <summary>The execution provider in use after any fallback (e.g. <c>Cpu</c>).</summary>
    public string ExecutionProvider { get; }

    /// <summary>What went differently from the configuration (provider fallback, batching disabled).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Loads, checks and (when allowed) batch-enables the model.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">An option is out of range.</exception>
    /// <exception cref="EmbeddingModelException">The model is missing or does not fit the options.</exception>
    public static OnnxFrameEmbedder Create(EmbeddingOptions options, Action<string>? warn)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var warnings = new List<string>();
        void Warn(string message)
        {
            warnings.Add(message);
            warn?.Invoke(message);
        }

        var path = ResolveModelPath(options.ModelPath);
        var fileHash = PreparedModelCache.FileHash(path);
        // A GPU provider optimises for its own device: only CPU graphs are prepared once and kept.
        var cache = options.ExecutionProvider == SceneCut.Embeddings.ExecutionProvider.Cpu && options.GraphOptimization != GraphOptimization.None
            ? new PreparedModelCache(PreparedModelCache.DirectoryFor(options))
            : null;
        var key = cache is null ? null : PreparedModelCache.Key(fileHash, options);
        if (cache is not null && key is not null && cache.TryGet(key, out var prepared))
        {
            try
            {
                return FromPrepared(prepared, path, fileHash, options, warnings);
            }
            catch (EmbeddingModelException)
            {
                // ONNX Runtime refused a file it wrote (another version under the same key cannot happen; damage can):
                // rebuild it from the model.
                cache.Remove(key);
            }
        }

        var bytes = File.ReadAllBytes(path);
        // The graph is settled first (resized, batch made symbolic) on sessions that are only read, and the one session
        // that embeds is created last, from the final bytes: a full session of ResNet18 costs about 0.2 s and 250 MB,
        // and building one per step took two or three of them at every start.
        var shape = ReadShape(bytes, path, options, acceptOtherImageSize: true);
        var modelId = Identity(path, fileHash, options, shape);
        if (shape.ExportedImageSize is not null)
        {
            (bytes, shape) = Resize(bytes, path, options, shape);
        }

        var batchSize = 1;
        if (options.BatchSize > 1)
        {
            (bytes, batchSize) = EnableBatching(bytes, path, options, shape, Warn);
        }

        // Only a preparation that went as configured is kept: one with warnings is redone, and says so, every run.
        var preparedTemporary = cache is not null && key is not null && warnings.Count == 0 ? cache.TemporaryPath(key) : null;
        OnnxFrameEmbedder? embedder = null;
        try
        {
            var (session, provider) = CreateSession(path, options, so => new InferenceSession(bytes, so), Warn, saveOptimizedTo: preparedTemporary);
            embedder = new OnnxFrameEmbedder(session, options, shape, batchSize, modelId, provider, warnings);
            embedder.CheckBatching(Warn);
            if (preparedTemporary is not null && warnings.Count == 0)
            {
                cache!.Commit(key!, preparedTemporary);
            }

            return embedder;
        }
        catch
        {
            embedder?.Dispose();
            throw;
        }
        finally
        {
            PreparedModelCache.Discard(preparedTemporary);
        }
    }

    // The prepared file is loaded as it is: its graph was optimised when it was written.
    private static OnnxFrameEmbedder FromPrepared(string prepared, string path, string fileHash, EmbeddingOptions options, List<string> warnings)
    {
        var (session, provider) = CreateSession(path, options, so => new InferenceSession(prepared, so), warnings.Add, optimizationOff: true);
        OnnxFrameEmbedder? embedder = null;
        try
        {
            var shape = ModelShape.Read(session, options, path);
            var batchSize = options.BatchSize > 1 && shape.BatchDimension == -1 ? options.BatchSize : 1;
            embedder = new OnnxFrameEmbedder(session, options, shape, batchSize, Identity(path, fileHash, options, shape), provider, warnings);
            embedder.CheckBatching(warnings.Add);
            return embedder;
        }
        catch
        {
            if (embedder is null)
            {
                session.Dispose();
            }

            embedder?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public float[][] Embed(IReadOnlyList<Mat> bgrFrames)
    {
        ArgumentNullException.ThrowIfNull(bgrFrames);
        var vectors = new float[bgrFrames.Count][];
        lock (gate)
        {
            for (var start = 0; start < bgrFrames.Count; start += BatchSize)
            {
                var count = Math.Min(BatchSize, bgrFrames.Count - start);
                for (var i = 0; i < count; i++)
                {
                    preprocessor.Write(bgrFrames[start + i], tensor, i);
                }

                Run(count, vectors, start);
            }
        }

        return vectors;
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
        preprocessor.Dispose();
    }

    // One ONNX Runtime call over the first `count` items of the tensor buffer; unit vectors land in vectors[start..].
    private void Run(int count, float[][] vectors, int start)
    {
        long[] inputShape = layout == TensorLayout.Nchw
            ? [count, 3, inputHeight, inputWidth]
            : [count, inputHeight, inputWidth, 3];
        using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, tensor.AsMemory(0, count * preprocessor.FloatsPerFrame), inputShape);
        using var outputs = session.Run(runOptions, [inputName], [input], [outputName]);
        var features = outputs[0].GetTensorDataAsSpan<float>();
        if (features.Length != count * Dimension)
        {
            throw new EmbeddingModelException($"Embedding model output '{outputName}': expected {count} × {Dimension} floats, found {features.Length}.");
        }

        for (var i = 0; i < count; i++)
        {
            vectors[start + i] = Normalize(features.Slice(i * Dimension, Dimension));
        }
    }

    // v / ||v||₂, so cosine similarity is a dot product; an all-zero output stays zero rather than becoming NaN.
    private static float[] Normalize(ReadOnlySpan<float> feature)
    {
        var vector = feature.ToArray();
        var norm = TensorPrimitives.Norm<float>(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    // Relative paths: the current folder first (a user's own model), then beside the executable (the shipped one).
    private static string ResolveModelPath(string configured)
    {
        var candidates = Path.IsPathRooted(configured)
            ? [configured]
            : new[] { Path.GetFullPath(configured), Path.Combine(AppContext.BaseDirectory, configured) };
        var found = candidates.FirstOrDefault(File.Exists);
        return found ?? throw new EmbeddingModelException(
            $"Embedding model not found (SceneCut:Embeddings:ModelPath = '{configured}'): expected an ONNX file, found nothing at {string.Join(" or ", candidates.Distinct())}. " +
            "The default ResNet18 is restored from NuGet and copied to models/ by the build.");
    }

    private static (InferenceSession Session, string Provider) CreateSession(
        string path, EmbeddingOptions options, Func<SessionOptions, InferenceSession> open, Action<string> warn, string? saveOptimizedTo = null, bool optimizationOff = false)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = optimizationOff ? GraphOptimizationLevel.ORT_DISABLE_ALL : options.GraphOptimization switch
            {
                GraphOptimization.None => GraphOptimizationLevel.ORT_DISABLE_ALL,
                GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                _ => GraphOptimizationLevel.ORT_ENABLE_ALL,
            },
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            // A CNN is a chain: parallelism lives inside operators, so one inter-op thread is enough.
            InterOpNumThreads = 1,
            IntraOpNumThreads = options.IntraOpThreads,
        };
        // Spinning keeps a core busy between operators; beside a decoder that wants that core, it only loses time.
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        sessionOptions.AddSessionConfigEntry("session.inter_op.allow_spinning", options.AllowSpinning ? "1" : "0");
        if (saveOptimizedTo is not null)
        {
            sessionOptions.OptimizedModelFilePath = saveOptimizedTo;
            // ONNX Runtime warns on stderr that a fully optimised graph fits this machine only: the cache key says so.
            sessionOptions.LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
        }

        var provider = AppendProvider(sessionOptions, options, warn);
        try
        {
            return (open(sessionOptions), provider);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new EmbeddingModelException($"Embedding model {path}: expected an ONNX model ONNX Runtime can load, found one it rejects: {ex.Message}", ex);
        }
    }

    // CPU needs nothing; a GPU provider missing from the installed ONNX Runtime build falls back to the CPU.
    private static string AppendProvider(SessionOptions sessionOptions, EmbeddingOptions options, Action<string> warn)
    {
        if (options.ExecutionProvider == SceneCut.Embeddings.ExecutionProvider.Cpu)
        {
            return nameof(SceneCut.Embeddings.ExecutionProvider.Cpu);
        }

        try
        {
            if (options.ExecutionProvider == SceneCut.Embeddings.ExecutionProvider.Cuda)
            {
                sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
            }
            else
            {
                sessionOptions.AppendExecutionProvider_DML(options.DeviceId);
            }

            return options.ExecutionProvider.ToString();
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException or NotSupportedException)
        {
            warn($"Execution provider {options.ExecutionProvider} is not available in the installed ONNX Runtime ({ex.Message.Split('\n')[0].Trim()}); embedding on the CPU instead. Install the matching ONNX Runtime package to use it.");
            return nameof(SceneCut.Embeddings.ExecutionProvider.Cpu);
        }
    }

    // A model exported at another picture size is fixed at the options' size in memory, when its graph allows it.
    private static (byte[] Model, ModelShape Shape) Resize(byte[] model, string path, EmbeddingOptions options, ModelShape shape)
    {
        var wanted = string.Create(CultureInfo.InvariantCulture, $"{options.InputWidth}×{options.InputHeight}");
        byte[]? resized;
        string? reason;
        try
        {
            resized = OnnxShapeRewriter.SetImageSize(model, shape.InputName, shape.OutputName, options.Layout, options.InputHeight, options.InputWidth, out reason);
        }
        catch (InvalidDataException ex)
        {
            (resized, reason) = (null, ex.Message);
        }

        if (resized is null)
        {
            throw new EmbeddingModelException(
                $"Embedding model {path}: expected a model that can run at {wanted} (SceneCut:Embeddings:InputWidth × InputHeight), " +
                $"found one exported at {shape.ExportedImageSize} that cannot be resized: {reason}. Set InputWidth × InputHeight to {shape.ExportedImageSize}.");
        }

        try
        {
            return (resized, ReadShape(resized, path, options, acceptOtherImageSize: false));
        }
        catch (EmbeddingModelException ex)
        {
            throw new EmbeddingModelException(
                $"Embedding model {path}: expected its layers to fit {wanted} (SceneCut:Embeddings:InputWidth × InputHeight), found that ONNX Runtime rejects that size " +
                $"({ex.InnerException?.Message ?? ex.Message}). It was exported at {shape.ExportedImageSize}; a CNN that halves the picture five times (a ResNet) needs multiples of 32.",
                ex);
        }
    }

    // A fixed batch of 1 becomes symbolic in memory; a model that cannot be rewritten keeps batch 1 with a warning.
    private static (byte[] Model, int BatchSize) EnableBatching(byte[] model, string path, EmbeddingOptions options, ModelShape shape, Action<string> warn)
    {
        if (shape.BatchDimension != 1)
        {
            // Already symbolic (-1): any batch works as it is.
            return (model, options.BatchSize);
        }

        byte[]? rewritten;
        try
        {
            rewritten = OnnxShapeRewriter.MakeBatchSymbolic(model, shape.InputName, shape.OutputName);
        }
        catch (InvalidDataException ex)
        {
            warn($"Embedding model {path}: cannot make its batch dimension symbolic ({ex.Message}); embedding one frame per call.");
            return (model, 1);
        }

        if (rewritten is null)
        {
            return (model, 1);
        }

        try
        {
            ReadShape(rewritten, path, options, acceptOtherImageSize: false);
            return (rewritten, options.BatchSize);
        }
        catch (EmbeddingModelException ex)
        {
            warn($"Embedding model {path}: ONNX Runtime rejects it with a symbolic batch ({ex.InnerException?.Message ?? ex.Message}); embedding one frame per call.");
            return (model, 1);
        }
    }

    // The model's inputs and outputs, checked against the options, from a session that is read and dropped: no graph
    // optimisation and no weight prepacking, so it costs a fraction of the session that embeds. ONNX Runtime still
    // resolves the graph and infers its shapes, so a graph it rejects (a size its layers do not fit) fails here.
    private static ModelShape ReadShape(byte[] model, string path, EmbeddingOptions options, bool acceptOtherImageSize)
    {
        using var sessionOptions = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
        };
        sessionOptions.AddSessionConfigEntry("session.disable_prepacking", "1");
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, sessionOptions);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new EmbeddingModelException($"Embedding model {path}: expected an ONNX model ONNX Runtime can load, found one it rejects: {ex.Message}", ex);
        }

        using (session)
        {
            return ModelShape.Read(session, options, path, acceptOtherImageSize);
        }
    }

    // A rewritten graph is trusted only once a batch of two distinct pictures gives what two single runs give.
    private void CheckBatching(Action<string> warn)
    {
        if (BatchSize == 1)
        {
            return;
        }

        using var first = ProbeImage(0);
        using var second = ProbeImage(1);
        var single = new float[2][];
        var batched = new float[2][];
        lock (gate)
        {
            preprocessor.Write(first, tensor, 0);
            Run(1, single, 0);
            preprocessor.Write(second, tensor, 0);
            Run(1, single, 1);
            preprocessor.Write(first, tensor, 0);
            preprocessor.Write(second, tensor, 1);
            Run(2, batched, 0);
        }

        var worst = Math.Max(TensorPrimitives.Distance<float>(single[0], batched[0]), TensorPrimitives.Distance<float>(single[1], batched[1]));
        if (worst > BatchAgreementTolerance)
        {
            throw new EmbeddingModelException(
                $"Embedding model: batched and single runs disagree (distance {worst.ToString("G3", CultureInfo.InvariantCulture)}, expected at most {BatchAgreementTolerance}); " +
                "its graph mixes frames of a batch. Set SceneCut:Embeddings:BatchSize to 1.");
        }
    }

    // Two different, deterministic pictures (gradients in different directions plus a disc) for the batching check.
    private Mat ProbeImage(int variant)
    {
        var image = new Mat(inputHeight, inputWidth, MatType.CV_8UC3);
        using var x = new Mat();
        var ramp = Enumerable.Range(0, inputWidth).Select(i => (byte)(i * 255 / Math.Max(1, inputWidth - 1))).ToArray();
        using var row = Mat.FromPixelData(1, inputWidth, MatType.CV_8UC1, ramp);
        Cv2.Repeat(row, inputHeight, 1, x);
        using var inverted = new Mat();
        Cv2.BitwiseNot(x, inverted);
        Cv2.Merge(variant == 0 ? new[] { x, inverted, x } : new[] { inverted, x, inverted }, image);
        Cv2.Circle(image, new Point(inputWidth / (variant + 2), inputHeight / 2), inputHeight / 4, variant == 0 ? Scalar.Red : Scalar.Yellow, -1);
        return image;
    }

    // Hash of the file plus every setting that changes the vectors: the cache's notion of "same model".
    private static string Identity(string path, string fileSha256, EmbeddingOptions options, ModelShape shape)
    {
        var fileHash = fileSha256[..16];
        var settings = string.Create(CultureInfo.InvariantCulture,
            $"{options.InputWidth}x{options.InputHeight}|{options.Layout}|{options.ChannelOrder}|{options.PixelScale:R}|{string.Join(',', options.EffectiveMean.Select(m => m.ToString("R", CultureInfo.InvariantCulture)))}|{string.Join(',', options.EffectiveStd.Select(s => s.ToString("R", CultureInfo.InvariantCulture)))}|{options.ResizeMode}|{shape.InputName}|{shape.OutputName}|l2");
        var settingsHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)))[..8];
        return $"{Path.GetFileName(path)} sha256:{fileHash} prep:{settingsHash}";
    }
}
