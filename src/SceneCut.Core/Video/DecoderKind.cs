namespace SceneCut.Video;

/// <summary>Which frame source decodes the video.</summary>
public enum DecoderKind
{
    /// <summary>The machine's FFmpeg when it is installed and runs, else OpenCV's <c>VideoCapture</c>.</summary>
    Auto,

    /// <summary>The machine's <c>ffmpeg</c> and <c>ffprobe</c> programs (SIMD, all cores, scaling inside FFmpeg); an error when missing.</summary>
    Ffmpeg,

    /// <summary>OpenCV's <c>VideoCapture</c> with the FFmpeg build bundled in OpenCvSharp's runtime package (no system programs needed).</summary>
    Opencv,
}
