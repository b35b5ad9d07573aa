using System.Globalization;
using SceneCut.Results;

namespace SceneCut.Scenes;

/// <summary>
/// Turns per-shot scene-boundary probabilities into scenes (a pure function, like PySceneDetect's cut list → scene
/// list). A new scene starts at shot <c>i ≥ 1</c> when its probability reaches the threshold; the first scene always
/// starts at shot 0. Optionally no scene is shorter than a minimum: of two starts closer than that, only the more
/// probable one is kept (non-maximum suppression), because one real change often shows as two confident cuts a
/// moment apart (a dissolve and the cut after it, the last short shot of one place) and only one of them is the start.
/// </summary>
public static class SceneBuilder
{
    /// <summary>The threshold scenes and the shot-level F1 use unless told otherwise (as LGSS/BaSSL report F1 at 0.5).</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>
    /// The scenes of <paramref name="shots"/>. <paramref name="boundaryProbability"/>[i] is the probability that a new
    /// scene starts at shot i (index 0 is ignored); a scene starts where it is ≥ <paramref name="threshold"/>. Each
    /// scene's <see cref="SceneEntry.BoundaryScore"/> is the probability at its first shot, 1 for the first scene.
    /// A start less than <paramref name="minSceneSeconds"/> from the video's start or from a more probable start is
    /// dropped (starts are taken in order of probability, ties earliest first); 0 keeps every start.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a probability is not in <c>[0, 1]</c>.</exception>
    public static IReadOnlyList<SceneEntry> Build(IReadOnlyList<ShotEntry> shots, IReadOnlyList<double> boundaryProbability, double threshold = DefaultThreshold, double minSceneSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(boundaryProbability);
        if (!double.IsFinite(threshold) || threshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The scene threshold is a probability in [0, 1].");
        }

        if (!double.IsFinite(minSceneSeconds) || minSceneSeconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minSceneSeconds), minSceneSeconds, "The shortest scene is a non-negative number of seconds.");
        }

        if (boundaryProbability.Count != shots.Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"One boundary probability per shot is needed: {shots.Count} shots, {boundaryProbability.Count} probabilities."),
                nameof(boundaryProbability));
        }

        for (var i = 1; i < boundaryProbability.Count; i++)
        {
            if (!double.IsFinite(boundaryProbability[i]) || boundaryProbability[i] is < 0 or > 1)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Boundary probability of shot {i} is {boundaryProbability[i]}, not a probability in [0, 1]."),
                    nameof(boundaryProbability));
            }
        }

        var scenes = new List<SceneEntry>();
        if (shots.Count == 0)
        {
            return scenes;
        }

        var starts = Starts(shots, boundaryProbability, threshold, minSceneSeconds);
        var first = 0;
        for (var i = 1; i <= shots.Count; i++)
        {
            // A scene closes before a shot that starts a new one, and at the end of the video.
            if (i < shots.Count && !starts[i])
            {
                continue;
            }

            var last = i - 1;
            scenes.Add(new SceneEntry(
                scenes.Count,
                first,
                last,
                shots[first].StartFrame,
                shots[last].EndFrame,
                shots[first].StartSeconds,
                shots[last].EndSeconds,
                first == 0 ? 1.0 : boundaryProbability[first]));
            first = i;
        }

        return scenes;
    }

    // Which shots start a scene: at or above the threshold, and not within minSceneSeconds of a kept, more probable
    // start (the video's start counts as one, with probability 1).
    private static bool[] Starts(IReadOnlyList<ShotEntry> shots, IReadOnlyList<double> boundaryProbability, double threshold, double minSceneSeconds)
    {
        var starts = new bool[shots.Count];
        var candidates = Enumerable.Range(1, Math.Max(0, shots.Count - 1)).Where(i => boundaryProbability[i] >= threshold);
        if (minSceneSeconds <= 0)
        {
            foreach (var i in candidates)
            {
                starts[i] = true;
            }

            return starts;
        }

        var kept = new List<double> { shots[0].StartSeconds };
        foreach (var i in candidates.OrderByDescending(i => boundaryProbability[i]).ThenBy(i => i))
        {
            var seconds = shots[i].StartSeconds;
            if (kept.TrueForAll(k => Math.Abs(k - seconds) >= minSceneSeconds))
            {
                starts[i] = true;
                kept.Add(seconds);
            }
        }

        return starts;
    }
}
