namespace SceneCut.Shots.Learned.Training;

/// <summary>The transitions <see cref="TransitionSynthesizer"/> splices between two shots.</summary>
public enum SyntheticTransitionKind
{
    /// <summary>The next shot's first frame follows directly.</summary>
    Cut,

    /// <summary>Both pictures blend linearly over several frames, each still moving.</summary>
    Dissolve,

    /// <summary>Fade (or cut) to black, a black hold, fade (or cut) in: one gradual transition.</summary>
    DipToBlack,

    /// <summary>The same through white (trailers' flash transitions).</summary>
    DipToWhite,

    /// <summary>The new picture slides in behind a moving straight edge.</summary>
    Wipe,
}
