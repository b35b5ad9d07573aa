using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML.OnnxRuntime;

namespace SceneCut.Embeddings;

/// <summary>
/// The embedding model as ONNX Runtime runs it on this machine (resized, batch made symbolic, graph optimised), kept
/// on disk so that later runs load it with optimisation off. Optimising ResNet18 at start-up costs about 1.2 s and
/// leaves ONNX Runtime holding the original weights beside the optimised ones (about 310 MB resident instead of
/// 130 MB); the file loaded as it is runs the same kernels at the same speed.
/// </summary>
/// <remarks>
/// Fully optimised graphs use a blocked layout chosen for this CPU's vector width, so the key holds the CPU's
/// instruction sets and ONNX Runtime's version besides the model's hash and the settings that shape the graph. A file
/// is trusted only when its SHA-256 matches the one written beside it; otherwise it is deleted and rebuilt.
/// </remarks>
internal sealed class PreparedModelCache
{
    // Bumped when what a prepared file holds changes meaning.
    private const int FormatVersion = 1;

    private readonly string directory;

    /// <summary>A cache in <paramref name="directory"/> (created when the first model is stored).</summary>
    public PreparedModelCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        this.directory = directory;
    }

    /// <summary>The folder of prepared models for <paramref name="options"/>: <c>prepared-models</c> in the embedding cache.</summary>
    public static string DirectoryFor(EmbeddingOptions options) => Path.Combine(options.EffectiveCacheDirectory, "prepared-models");

    /// <summary>
    /// The name of the prepared form of a model file with SHA-256 <paramref name="fileHash"/> under <paramref name="options"/>
    /// on this machine.
    /// </summary>
    public static string Key(string fileHash, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var recipe = string.Create(CultureInfo.InvariantCulture,
            $"v{FormatVersion}|{fileHash}|{options.InputWidth}x{options.InputHeight}|{options.Layout}|batch{(options.BatchSize > 1 ? "N" : "1")}|{options.GraphOptimization}|" +
            $"{options.InputName}|{options.OutputName}|ort {OrtEnv.Instance().GetVersionString()}|{Machine()}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(recipe)))[..24];
    }

    /// <summary>The prepared file of <paramref name="key"/> when it is there and intact; a damaged one is deleted.</summary>
    public bool TryGet(string key, out string path)
    {
        path = ModelPath(key);
        var hashPath = HashPath(key);
        if (!File.Exists(path) || !File.Exists(hashPath))
        {
            return false;
        }

        try
        {
            if (string.Equals(File.ReadAllText(hashPath).Trim(), FileHash(path), StringComparison.Ordinal))
            {
                return true;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        Remove(key);
        return false;
    }

    /// <summary>Where ONNX Runtime should write the prepared model before <see cref="Commit"/>; null when the folder cannot be made.</summary>
    public string? TemporaryPath(string key)
    {
        try
        {
            Directory.CreateDirectory(directory);
            return Path.Combine(directory, $"{key}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Stores the file ONNX Runtime wrote at <paramref name="temporaryPath"/> under <paramref name="key"/>. A cache that
    /// cannot be written (read-only home, full disk) costs the next run its start-up time, nothing else.
    /// </summary>
    public void Commit(string key, string temporaryPath)
    {
        try
        {
            if (!File.Exists(temporaryPath))
            {
                return;
            }

            var hashTemporary = temporaryPath + ".sha256";
            File.WriteAllText(hashTemporary, FileHash(temporaryPath));
            // The model first, then its hash: a reader that finds the hash finds the complete model.
            File.Move(temporaryPath, ModelPath(key), overwrite: true);
            File.Move(hashTemporary, HashPath(key), overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Discard(temporaryPath);
        }
    }

    /// <summary>Deletes a temporary file that will not be committed.</summary>
    public static void Discard(string? temporaryPath)
    {
        if (temporaryPath is null)
        {
            return;
        }

        TryDelete(temporaryPath);
        TryDelete(temporaryPath + ".sha256");
    }

    /// <summary>Deletes the prepared file of <paramref name="key"/>, e.g. after ONNX Runtime refused it.</summary>
    public void Remove(string key)
    {
        TryDelete(HashPath(key));
        TryDelete(ModelPath(key));
    }

    /// <summary>The SHA-256 of a file in lower-case hex, read in a stream (a 60 MB model is never held whole).</summary>
    public static string FileHash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private string ModelPath(string key) => Path.Combine(directory, key + ".onnx");

    private string HashPath(string key) => Path.Combine(directory, key + ".onnx.sha256");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    // What decides the blocked layout and the kernels an optimised graph was made for.
    private static string Machine() => string.Join(',',
        RuntimeInformation.ProcessArchitecture,
        Avx512F.IsSupported ? "avx512f" : "-",
        Avx2.IsSupported ? "avx2" : "-",
        Fma.IsSupported ? "fma" : "-",
        Avx.IsSupported ? "avx" : "-",
        System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "neon" : "-");
}
