namespace SceneCut.Shots.Learned;

/// <summary>
/// Default values of <see cref="LearnedShotOptions"/>, in one place. The decoder's thresholds are the choice
/// <c>scenecut train-shots --loso</c> made over all folds (each fold's own choice, made without it, gives the
/// leave-one-source-out score in models/shot-model.md).
/// </summary>
public static class LearnedShotDefaults
{
    /// <summary>
    /// Add: the model adds the transitions the threshold detectors miss (mostly dissolves under motion, dips to white,
    /// wipes), which raises shot F1@2 on data/real under leave-one-source-out (models/shot-model.md). Where both report
    /// something the thresholds' transition stays, so their fades and cuts are what they were without the model.
    /// </summary>
    public const LearnedShotMode Mode = LearnedShotMode.Add;

    /// <summary>The shipped model, relative to the working folder or the executable.</summary>
    public const string ModelPath = "models/shot-model.scm";

    /// <summary>A frame starts a cut when P(cut starts here) is a local maximum at or above this.</summary>
    public const double CutThreshold = 0.95;

    /// <summary>A frame is inside a gradual transition when P(gradual covers it) is at or above this.</summary>
    public const double GradualThreshold = 0.7;

    /// <summary>Fewest frames of a gradual transition found by the model.</summary>
    public const int MinGradualFrames = 8;

    /// <summary>Least mean P(gradual) over a gradual transition's frames.</summary>
    public const double MinGradualScore = 0.95;

    /// <summary>Frames the model reads at once; each frame's probability comes from a window it sits well inside.</summary>
    public const int WindowFrames = 128;

    /// <summary>Frames the window moves on between runs (half the window: each frame is read twice).</summary>
    public const int HopFrames = 64;
}
