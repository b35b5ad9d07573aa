namespace SceneCut.Shots;

/// <summary>
/// One way of finding transitions. A detector sees every frame's features once, in order, and reports transitions as
/// soon as it is sure of them. It never touches files, threads or output formats.
/// </summary>
public interface ITransitionDetector
{
    /// <summary>The most frames after a transition's last frame that this detector may wait before reporting it.</summary>
    int MaxDelayFrames { get; }

    /// <summary>Takes the next frame; returns transitions that became certain with it.</summary>
    IEnumerable<Transition> Process(FrameFeatures frame);

    /// <summary>The stream ended: returns what is still pending.</summary>
    IEnumerable<Transition> Flush();
}
