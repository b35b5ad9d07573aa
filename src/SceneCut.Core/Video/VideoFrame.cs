using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// One decoded frame in decode order. <see cref="Image"/> and <see cref="Sample"/> are BGR pictures owned by the frame
/// source and reused for later frames, so take what you need before asking for the next one; this is what keeps
/// memory flat.
/// </summary>
/// <param name="Index">0-based position in decode order.</param>
/// <param name="Seconds">Presentation time from the stream (not index / fps: variable frame rate exists).</param>
/// <param name="Image">BGR frame of the source's <see cref="IFrameSource.FrameSize"/> (full size, or already scaled by FFmpeg), valid until the next frame is read.</param>
/// <param name="Sample">
/// At the sample points of the <see cref="FrameSampling"/> the source was opened with, a larger picture of the same frame
/// (FFmpeg: exactly the sample size; OpenCV: the full-size <see cref="Image"/>); null at every other frame.
/// </param>
public readonly record struct VideoFrame(int Index, double Seconds, Mat Image, Mat? Sample = null);
