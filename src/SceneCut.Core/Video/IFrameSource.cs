namespace SceneCut.Video;

/// <summary>
/// A stream of decoded frames in decode order. Implementations never buffer the video: each frame's image is
/// reused for the next one.
/// </summary>
public interface IFrameSource : IDisposable
{
    /// <summary>Container facts known once the file is open.</summary>
    VideoInfo Info { get; }

    /// <summary>Short name of the decoder, written to the result document (e.g. <c>opencv</c>).</summary>
    string DecoderName { get; }

    /// <summary>Reads every frame in order until the stream ends or <paramref name="cancellationToken"/> fires.</summary>
    IEnumerable<VideoFrame> ReadFrames(CancellationToken cancellationToken);

    /// <summary>How decoding ended; available once <see cref="ReadFrames"/> has been enumerated to the end.</summary>
    DecodeSummary Summary { get; }
}
