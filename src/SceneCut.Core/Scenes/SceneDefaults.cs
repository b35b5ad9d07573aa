namespace SceneCut.Scenes;

/// <summary>Default values of <see cref="SceneOptions"/>.</summary>
public static class SceneDefaults
{
    /// <summary>The committed default model, relative to the executable's folder.</summary>
    public const string ModelPath = "models/scene-model.scm";

    /// <summary>Seconds between kept frame copies (a shot is embedded from the copy nearest its middle).</summary>
    public const double SampleSeconds = 0.25;

    /// <summary>Most frame copies kept at once; a longer shot thins them.</summary>
    public const int MaxSamples = 32;

    /// <summary>Shorter side of kept copies in pixels: the CNN's 224 plus room for its own crop.</summary>
    public const int SampleShortSide = 256;

    /// <summary>
    /// A shot whose probability reaches this starts a new scene: with <see cref="MinSceneSeconds"/>, the best pooled ±1 s
    /// F1 of the leave-one-source-out predictions on the real videos, each made by a model that never saw the video's
    /// source (models/README.md).
    /// </summary>
    public const double Threshold = 0.25;

    /// <summary>
    /// Shortest scene in seconds: of two scene starts closer than this only the more probable one is kept (one change
    /// often shows as two confident cuts a moment apart). Chosen with <see cref="Threshold"/> in the same way.
    /// </summary>
    public const double MinSceneSeconds = 1.0;

    /// <summary>Shots per model window.</summary>
    public const int WindowShots = 128;

    /// <summary>Shots shared by neighbouring windows.</summary>
    public const int OverlapShots = 32;

    /// <summary>Share of a shot's frames that must be black for the shot to count as black.</summary>
    public const double BlackShotShare = 0.8;
}
