namespace SceneCut.Shots;

/// <summary>Default values of <see cref="ShotDetectionOptions"/>, in one place, tuned on the development clips.</summary>
public static class ShotDetectionDefaults
{
    /// <summary>Width of the analysis copy: enough to see composition, small enough to cost nothing next to decoding.</summary>
    public const int AnalysisWidth = 64;

    /// <summary>Histogram bins per colour channel.</summary>
    public const int HistogramBins = 16;

    /// <summary>A cut's content change must be this many times the typical (median) change around it.</summary>
    public const double CutRatio = 4.0;

    /// <summary>A cut's content change must also reach this absolute level (0–1).</summary>
    public const double MinCutScore = 0.08;

    /// <summary>Seconds on each side of a frame whose changes form the "typical change around it".</summary>
    public const double CutWindowSeconds = 0.5;

    /// <summary>A change that returns to the previous picture within this many frames is a flash, not a cut.</summary>
    public const int FlashFrames = 2;

    /// <summary>A flash's return frame is at most this fraction of the flash's change away from the frame before it.</summary>
    public const double FlashSimilarity = 0.5;

    /// <summary>A change whose two sides' luma correlates at least this much is the same picture relit, not a cut.</summary>
    public const double RelitCorrelation = 0.75;

    /// <summary>Luma (0–1) below which a pixel counts as black (ffmpeg <c>blackdetect</c>'s <c>pix_th</c>).</summary>
    public const double BlackPixelThreshold = 0.1;

    /// <summary>A black frame has at most this fraction of brighter pixels (ffmpeg's <c>pic_th</c> is 0.98 dark).</summary>
    public const double BlackMaxBrightFraction = 0.02;

    /// <summary>Gradual transitions shorter than this many frames are left to the cut detector.</summary>
    public const int MinGradualFrames = 3;

    /// <summary>Longest gradual transition looked for, in seconds.</summary>
    public const double MaxGradualSeconds = 3.0;

    /// <summary>A frame step counts as "changing" above this mean pixel change (0–1), even in a perfectly still shot.</summary>
    public const double MinStepChange = 0.0015;

    /// <summary>A frame step counts as "changing" above this multiple of the recent median step (the shot's own motion).</summary>
    public const double StepNoiseMultiplier = 3.0;

    /// <summary>Picture change between the two ends of a gradual transition must reach this (mean pixel change, 0–1).</summary>
    public const double MinGradualChange = 0.05;

    /// <summary>Largest mean misfit (relative to the change) of the frames inside a dissolve or fade to a straight blend of its ends.</summary>
    public const double MaxBlendResidual = 0.2;

    /// <summary>Both ends of a dissolve correlating above this are the same picture relit, not a dissolve.</summary>
    public const double MaxDissolveEndCorrelation = 0.85;

    /// <summary>A fade out and a fade in with at most this much black between them are one fade through black.</summary>
    public const double MaxFadeThroughBlackPauseSeconds = 1.0;

    /// <summary>Frame rate assumed when the container states none, to turn seconds into frames.</summary>
    public const double FallbackFps = 25.0;
}
