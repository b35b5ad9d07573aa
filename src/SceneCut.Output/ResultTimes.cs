using SceneCut.Results;

namespace SceneCut.Output;

/// <summary>
/// Times as outputs print them: rounded to the microsecond, finer than any frame period, so <c>14.6</c> never shows
/// as <c>14.600000000000001</c> and a time still lands on its frame.
/// </summary>
public static class ResultTimes
{
    /// <summary>Decimals kept: microseconds.</summary>
    public const int Decimals = 6;

    /// <summary><paramref name="seconds"/> to the microsecond (never <c>-0</c>; NaN and infinities unchanged).</summary>
    public static double Round(double seconds)
    {
        // Adding 0.0 turns a rounded -0 into 0, which every reader prints without a sign.
        return Math.Round(seconds, Decimals, MidpointRounding.AwayFromZero) + 0.0;
    }

    /// <summary><paramref name="document"/> with every time in seconds rounded; frames, scores and rates untouched.</summary>
    public static ResultDocument Round(ResultDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with
        {
            Video = document.Video with { DurationSeconds = Round(document.Video.DurationSeconds) },
            Shots = [.. document.Shots.Select(s => s with
            {
                StartSeconds = Round(s.StartSeconds),
                EndSeconds = Round(s.EndSeconds),
                TransitionIn = s.TransitionIn is { } t ? t with { StartSeconds = Round(t.StartSeconds), EndSeconds = Round(t.EndSeconds) } : null,
            })],
            BlackSegments = [.. document.BlackSegments.Select(b => b with
            {
                StartSeconds = Round(b.StartSeconds),
                EndSeconds = Round(b.EndSeconds),
                DurationSeconds = Round(b.DurationSeconds),
            })],
            Scenes = [.. document.Scenes.Select(s => s with { StartSeconds = Round(s.StartSeconds), EndSeconds = Round(s.EndSeconds) })],
            AdSlots = [.. document.AdSlots.Select(a => a with { Seconds = Round(a.Seconds) })],
            Processing = document.Processing with
            {
                ElapsedSeconds = Round(document.Processing.ElapsedSeconds),
                EmbeddingSeconds = Round(document.Processing.EmbeddingSeconds),
                SceneModelSeconds = Round(document.Processing.SceneModelSeconds),
            },
        };
    }
}
