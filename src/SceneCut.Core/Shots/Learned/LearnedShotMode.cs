namespace SceneCut.Shots.Learned;

/// <summary>How the learned transition model takes part in shot detection.</summary>
public enum LearnedShotMode
{
    /// <summary>Not used: the threshold detectors alone (cuts, gradual transitions).</summary>
    Off,

    /// <summary>
    /// The threshold detectors and the model side by side: the model adds the transitions the thresholds missed, and the
    /// usual resolution (a gradual transition wins over a cut inside it, overlapping gradual keep the stronger) arbitrates.
    /// </summary>
    Add,

    /// <summary>
    /// The threshold detectors, plus the model's gradual transitions only: the thresholds keep every cut decision, the
    /// model adds dissolves, fades, dips and wipes they missed.
    /// </summary>
    AddGradual,

    /// <summary>The model alone finds cuts and gradual transitions (black segments still come from the black detector).</summary>
    Replace,
}
