namespace SceneCut.Shots.Learned;

/// <summary>Default values of <see cref="LearnedShotOptions"/>, in one place.</summary>
public static class LearnedShotDefaults
{
    /// <summary>Off until the model measures better under leave-one-source-out (models/shot-model.md).</summary>
    public const LearnedShotMode Mode = LearnedShotMode.Off;

    /// <summary>The shipped model, relative to the working folder or the executable.</summary>
    public const string ModelPath = "models/shot-model.scm";

    /// <summary>A frame starts a cut when P(cut starts here) is a local maximum at or above this.</summary>
    public const double CutThreshold = 0.5;

    /// <summary>A frame is inside a gradual transition when P(gradual covers it) is at or above this.</summary>
    public const double GradualThreshold = 0.5;

    /// <summary>Fewest frames of a gradual transition found by the model.</summary>
    public const int MinGradualFrames = 2;

    /// <summary>Least mean P(gradual) over a gradual transition's frames.</summary>
    public const double MinGradualScore = 0.5;

    /// <summary>Frames the model reads at once; each frame's probability comes from a window it sits well inside.</summary>
    public const int WindowFrames = 128;

    /// <summary>Frames the window moves on between runs (half the window: each frame is read twice).</summary>
    public const int HopFrames = 64;
}
