namespace SceneCut.Pipeline;

/// <summary>Progress of one analysis.</summary>
/// <param name="FramesDone">Frames analysed so far.</param>
/// <param name="FramesExpected">The container's declared frame count (an estimate, may be wrong or 0).</param>
/// <param name="SecondsDone">Presentation time reached.</param>
/// <param name="FramesPerSecond">Analysis speed so far.</param>
public readonly record struct PipelineProgress(int FramesDone, int FramesExpected, double SecondsDone, double FramesPerSecond);
