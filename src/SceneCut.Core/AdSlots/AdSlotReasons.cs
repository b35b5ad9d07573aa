namespace SceneCut.AdSlots;

/// <summary>The reason names an ad slot carries in the result document.</summary>
public static class AdSlotReasons
{
    /// <summary>The slot sits on a scene boundary (every slot has this reason).</summary>
    public const string SceneChange = "scene-change";

    /// <summary>The programme goes to black at the boundary (a fade or a black run); the slot is the first frame after the black.</summary>
    public const string FadeToBlack = "fade-to-black";

    /// <summary>A detected run of black frames is at the boundary; the slot is the frame after it.</summary>
    public const string BlackSegment = "black-segment";

    /// <summary>The shot before the boundary lasted at least <see cref="AdPolicyOptions.QuietShotSeconds"/>.</summary>
    public const string AfterQuietShot = "after-quiet-shot";
}
