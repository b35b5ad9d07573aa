namespace SceneCut.Evaluation;

/// <summary>Scored apart, as TransNetV2 and PySceneDetect report them.</summary>
public enum BoundaryCategory
{
    /// <summary>A hard cut (one frame).</summary>
    Cut,

    /// <summary>A fade or dissolve (an interval).</summary>
    Gradual,
}
