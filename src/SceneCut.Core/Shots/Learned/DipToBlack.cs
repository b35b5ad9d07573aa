namespace SceneCut.Shots.Learned;

/// <summary>
/// Names a gradual run of the learned model that passes through black the way the threshold detectors do: a fade out up
/// to its first black frame and a fade in from the first frame after the black (the resolver joins the two into a fade
/// through black when the pause is short). The model only says "gradual"; black frames say which kind.
/// </summary>
internal static class DipToBlack
{
    /// <summary>
    /// The run <paramref name="run"/> as fades when any of its frames is black, else unchanged. A run that is black
    /// throughout is the black middle of a dip whose fades were too short for the model: one fade through black.
    /// </summary>
    public static IReadOnlyList<Transition> Name(Transition run, Func<int, bool> isBlack)
    {
        if (!run.IsGradual)
        {
            return [run];
        }

        var firstBlack = -1;
        for (var t = run.StartFrame; t <= run.EndFrame && firstBlack < 0; t++)
        {
            firstBlack = isBlack(t) ? t : -1;
        }

        if (firstBlack < 0)
        {
            return [run];
        }

        var lastBlack = firstBlack;
        while (lastBlack < run.EndFrame && isBlack(lastBlack + 1))
        {
            lastBlack++;
        }

        var named = new List<Transition>(2);
        // A fade out ends on its first black frame (where the black shot starts); a fade in starts after the last one.
        if (firstBlack > run.StartFrame)
        {
            named.Add(run with { Kind = TransitionKind.FadeOut, EndFrame = firstBlack });
        }

        if (lastBlack < run.EndFrame)
        {
            named.Add(run with { Kind = TransitionKind.FadeIn, StartFrame = lastBlack + 1 });
        }

        return named.Count > 0 ? named : [run with { Kind = TransitionKind.FadeThroughBlack }];
    }
}
