using SceneCut.Shots;

namespace SceneCut.Results;

/// <summary>The transition kind names used in the result document.</summary>
public static class TransitionKinds
{
    public const string Cut = "cut";
    public const string Dissolve = "dissolve";
    public const string FadeIn = "fade-in";
    public const string FadeOut = "fade-out";
    public const string FadeThroughBlack = "fade-through-black";

    /// <summary>The document name of <paramref name="kind"/>.</summary>
    public static string NameOf(TransitionKind kind) => kind switch
    {
        TransitionKind.Cut => Cut,
        TransitionKind.Dissolve => Dissolve,
        TransitionKind.FadeIn => FadeIn,
        TransitionKind.FadeOut => FadeOut,
        TransitionKind.FadeThroughBlack => FadeThroughBlack,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind named <paramref name="name"/> in a document.</summary>
    public static TransitionKind Parse(string name) => name switch
    {
        Cut => TransitionKind.Cut,
        Dissolve => TransitionKind.Dissolve,
        FadeIn => TransitionKind.FadeIn,
        FadeOut => TransitionKind.FadeOut,
        FadeThroughBlack => TransitionKind.FadeThroughBlack,
        _ => throw new FormatException($"Unknown transition kind '{name}'."),
    };
}
