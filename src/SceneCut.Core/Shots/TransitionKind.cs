namespace SceneCut.Shots;

/// <summary>How one shot turns into the next.</summary>
public enum TransitionKind
{
    /// <summary>A hard cut: the new shot's first frame follows the old shot's last frame directly.</summary>
    Cut,

    /// <summary>A cross-dissolve: the old picture blends into the new one over several frames.</summary>
    Dissolve,

    /// <summary>A fade from black into the new shot.</summary>
    FadeIn,

    /// <summary>A fade from the old shot into black.</summary>
    FadeOut,

    /// <summary>A fade out to black followed by a fade in, with only a short black pause between them.</summary>
    FadeThroughBlack,
}
