namespace SceneCut.Embeddings;

/// <summary>
/// Where ONNX Runtime runs the CNN. Anything but <see cref="Cpu"/> needs the matching ONNX Runtime package
/// (<c>Microsoft.ML.OnnxRuntime.Gpu</c>, <c>Microsoft.ML.OnnxRuntime.DirectML</c>) in place of the CPU one; when it is
/// missing the embedder falls back to the CPU and says so in a warning.
/// </summary>
public enum ExecutionProvider
{
    /// <summary>ONNX Runtime's default CPU kernels.</summary>
    Cpu,

    /// <summary>NVIDIA CUDA.</summary>
    Cuda,

    /// <summary>DirectML (Windows GPUs).</summary>
    DirectML,
}
