namespace SceneCut.Output.Chapters;

/// <summary>One chapter: <c>[StartSeconds, EndSeconds)</c> with a title.</summary>
/// <param name="Number">1-based position.</param>
/// <param name="StartSeconds">Where it starts.</param>
/// <param name="EndSeconds">Where the next one starts (or the video ends).</param>
/// <param name="Title">What a player shows, e.g. <c>Scene 3</c>.</param>
internal sealed record Chapter(int Number, double StartSeconds, double EndSeconds, string Title);
