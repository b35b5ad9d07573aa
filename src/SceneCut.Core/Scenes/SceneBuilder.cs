using System.Globalization;
using SceneCut.Results;

namespace SceneCut.Scenes;

/// <summary>
/// Turns per-shot scene-boundary probabilities into scenes (a pure function, like PySceneDetect's cut list → scene
/// list). A new scene starts at shot <c>i ≥ 1</c> when its probability reaches the threshold; the first scene always
/// starts at shot 0.
/// </summary>
public static class SceneBuilder
{
    /// <summary>The threshold scenes and the shot-level F1 use unless told otherwise (as LGSS/BaSSL report F1 at 0.5).</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>
    /// The scenes of <paramref name="shots"/>. <paramref name="boundaryProbability"/>[i] is the probability that a new
    /// scene starts at shot i (index 0 is ignored); a scene starts where it is ≥ <paramref name="threshold"/>. Each
    /// scene's <see cref="SceneEntry.BoundaryScore"/> is the probability at its first shot, 1 for the first scene.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a probability is not in <c>[0, 1]</c>.</exception>
    public static IReadOnlyList<SceneEntry> Build(IReadOnlyList<ShotEntry> shots, IReadOnlyList<double> boundaryProbability, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentNullException.ThrowIfNull(boundaryProbability);
        if (!double.IsFinite(threshold) || threshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The scene threshold is a probability in [0, 1].");
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

        var first = 0;
        for (var i = 1; i <= shots.Count; i++)
        {
            // A scene closes before a shot that starts a new one, and at the end of the video.
            if (i < shots.Count && boundaryProbability[i] < threshold)
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
}
