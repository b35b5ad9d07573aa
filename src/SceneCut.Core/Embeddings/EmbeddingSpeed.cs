namespace SceneCut.Embeddings;

/// <summary>Measured embedding cost of one configuration.</summary>
/// <param name="BatchSize">Frames per ONNX Runtime call.</param>
/// <param name="Frames">Frames embedded in the timed run.</param>
/// <param name="MillisecondsPerFrame">Wall-clock time per frame (preprocessing included), best of the runs.</param>
/// <param name="CpuMillisecondsPerFrame">Process CPU time per frame in that run: the cost a busy machine cannot hide.</param>
public sealed record EmbeddingSpeed(int BatchSize, int Frames, double MillisecondsPerFrame, double CpuMillisecondsPerFrame)
{
    /// <summary>Frames per second of wall-clock time.</summary>
    public double FramesPerSecond => 1000.0 / MillisecondsPerFrame;
}
