namespace SceneCut.Shots;

/// <summary>A run of black frames <c>[StartFrame, EndFrame]</c>, as ffmpeg's <c>blackdetect</c> reports them but frame-accurate.</summary>
public sealed record BlackSegment(int StartFrame, int EndFrame)
{
    /// <summary>Number of frames in the run.</summary>
    public int FrameCount => EndFrame - StartFrame + 1;
}
