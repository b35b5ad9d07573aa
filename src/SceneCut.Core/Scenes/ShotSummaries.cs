using SceneCut.Shots;

namespace SceneCut.Scenes;

/// <summary>Joins detected shots, black segments and shot embeddings into what the scene model reads.</summary>
public static class ShotSummaries
{
    /// <summary>One summary per shot. A shot without its own embedding (none could be taken) borrows its predecessor's.</summary>
    public static IReadOnlyList<ShotSummary> Build(ShotDetectionResult detection, IReadOnlyDictionary<int, float[]> embeddings, int dimension, double blackShotShare)
    {
        var summaries = new List<ShotSummary>(detection.Shots.Count);
        var previous = new float[dimension];
        foreach (var shot in detection.Shots)
        {
            var embedding = embeddings.TryGetValue(shot.StartFrame, out var own) ? own : previous;
            summaries.Add(new ShotSummary(shot.StartSeconds, shot.EndSeconds, shot.TransitionIn?.Kind, IsBlack(shot, detection.BlackSegments, blackShotShare), embedding));
            previous = embedding;
        }

        return summaries;
    }

    /// <summary>True when at least <paramref name="blackShotShare"/> of the shot's frames lie in black segments.</summary>
    public static bool IsBlack(Shot shot, IReadOnlyList<BlackSegment> black, double blackShotShare)
    {
        var frames = shot.EndFrame - shot.StartFrame + 1;
        var blackFrames = black.Sum(b => Math.Max(0, Math.Min(b.EndFrame, shot.EndFrame) - Math.Max(b.StartFrame, shot.StartFrame) + 1));
        return blackFrames >= blackShotShare * frames;
    }
}
