using SceneCut.Results;

namespace SceneCut.Tests.TestSupport;

/// <summary>Builds result-document shots and documents from shot start frames at a constant frame rate, for pure tests.</summary>
public static class ShotList
{
    /// <summary>Shots starting at <paramref name="starts"/> (the first must be 0) of a video of <paramref name="frameCount"/> frames, joined by cuts unless <paramref name="transitions"/> says otherwise.</summary>
    public static List<ShotEntry> FromStarts(double fps, int frameCount, IReadOnlyList<int> starts, IReadOnlyDictionary<int, TransitionEntry>? transitions = null)
    {
        var shots = new List<ShotEntry>();
        for (var i = 0; i < starts.Count; i++)
        {
            var start = starts[i];
            var end = (i + 1 < starts.Count ? starts[i + 1] : frameCount) - 1;
            var transition = i == 0 ? null
                : transitions is not null && transitions.TryGetValue(i, out var t) ? t
                : new TransitionEntry(TransitionKinds.Cut, start, start, start / fps, start / fps, 1);
            shots.Add(new ShotEntry(i, start, end, start / fps, (end + 1) / fps, transition));
        }

        return shots;
    }

    /// <summary>Shots every <paramref name="shotSeconds"/> over <paramref name="durationSeconds"/>.</summary>
    public static List<ShotEntry> Regular(double fps, double durationSeconds, double shotSeconds)
    {
        var frameCount = (int)Math.Round(durationSeconds * fps);
        var step = (int)Math.Round(shotSeconds * fps);
        var starts = Enumerable.Range(0, (frameCount + step - 1) / step).Select(i => i * step).ToList();
        return FromStarts(fps, frameCount, starts);
    }

    /// <summary>A document holding <paramref name="shots"/> and nothing detected beyond them.</summary>
    public static ResultDocument Document(double fps, IReadOnlyList<ShotEntry> shots) => new()
    {
        Video = new VideoSection("test.mp4", fps, shots.Count == 0 ? 0 : shots[^1].EndFrame + 1, shots.Count == 0 ? 0 : shots[^1].EndSeconds, 640, 360, "h264", 0, true),
        Shots = shots,
        BlackSegments = [],
        Processing = new ProcessingSection(0, 0, "test", "test", []),
    };
}
