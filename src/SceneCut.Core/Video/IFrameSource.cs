using OpenCvSharp;

namespace SceneCut.Video;

/// <summary>
/// A stream of decoded frames in decode order. Implementations never buffer the video: each frame's image is
/// reused for the next one. Open one through <see cref="FrameSourceFactory"/>.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>Container facts known once the file is open.</summary>
    VideoInfo Info { get; }

    /// <summary>Short name of the decoder, written to the result document (<c>ffmpeg</c> or <c>opencv</c>).</summary>
    string DecoderName { get; }

    /// <summary>
    /// Size of every <see cref="VideoFrame.Image"/> this source yields: the <see cref="FrameScale"/> it was opened with
    /// when it scales while decoding (FFmpeg), else the displayed size <see cref="VideoInfo.Width"/> × <see cref="VideoInfo.Height"/> (OpenCV).
    /// </summary>
    Size FrameSize { get; }

    /// <summary>Reads every frame in order until the stream ends or <paramref name="cancellationToken"/> fires.</summary>
    IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken);

    /// <summary>How decoding ended; available once <see cref="ReadFrames"/> has been enumerated to the end.</summary>
    DecodeSummary Summary { get; }
}
