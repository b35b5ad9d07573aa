using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// One decoded frame in decode order. <see cref="Image"/> is a BGR picture owned by the frame source and reused
/// for the next frame, so take what you need before asking for the next one; this is what keeps memory flat.
/// </summary>
/// <param name="Index">0-based position in decode order.</param>
/// <param name="Seconds">Presentation time from the stream (not index / fps: variable frame rate exists).</param>
/// <param name="Image">BGR frame of the source's <see cref="IFrameSource.FrameSize"/> (full size, or already scaled by FFmpeg), valid until the next frame is read.</param>
public readonly record struct VideoFrame(int Index, double Seconds, Mat Image);
