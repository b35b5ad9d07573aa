using SceneCut.AdSlots;
using SceneCut.Evaluation;
using SceneCut.Results;
using SceneCut.Shots;

namespace SceneCut.Scenes.Training;

/// <summary>
/// Presents a spliced episode and a model's probabilities as a result document and a truth file, so validation
/// episodes are scored by exactly the code that scores real videos (<see cref="SceneEvaluator"/>).
/// </summary>
public static class EpisodeDocument
{
    /// <summary>Nominal frame rate that turns episode seconds into frames.</summary>
    public const double Fps = 25;

    /// <summary>
    /// The document the pipeline would give for <paramref name="episode"/> with these probabilities, scenes at
    /// <paramref name="threshold"/> and none shorter than <paramref name="minSceneSeconds"/> (<see cref="Scenes.SceneBuilder"/>).
    /// </summary>
    public static ResultDocument Result(SceneEpisode episode, IReadOnlyList<double> probabilities, double threshold, AdPolicyOptions policy, double minSceneSeconds = 0)
    {
        var shots = new List<ShotEntry>(episode.Shots.Count);
        for (var i = 0; i < episode.Shots.Count; i++)
        {
            var shot = episode.Shots[i];
            var start = Frame(shot.StartSeconds);
            var end = Math.Max(start, Frame(shot.EndSeconds) - 1);
            var transition = shot.TransitionIn is { } kind
                ? new TransitionEntry(TransitionKinds.NameOf(kind), start, start, shot.StartSeconds, shot.StartSeconds, 1)
                : null;
            shots.Add(new ShotEntry(i, start, end, shot.StartSeconds, shot.EndSeconds, i == 0 ? null : transition));
        }

        var duration = episode.Shots.Count > 0 ? episode.Shots[^1].EndSeconds : 0;
        var black = episode.Shots
            .Where(s => s.IsBlack)
            .Select(s => new BlackSegmentEntry(Frame(s.StartSeconds), Math.Max(Frame(s.StartSeconds), Frame(s.EndSeconds) - 1), s.StartSeconds, s.EndSeconds, s.DurationSeconds))
            .ToList();
        var scenes = Scenes.SceneBuilder.Build(shots, probabilities, threshold, minSceneSeconds);
        var document = new ResultDocument
        {
            Video = new VideoSection("episode", Fps, shots.Count > 0 ? shots[^1].EndFrame + 1 : 0, duration, 0, 0, "episode", 0, DecodeComplete: true),
            Shots = shots,
            BlackSegments = black,
            Scenes = scenes,
            SceneBoundaryProbabilities = probabilities,
            Processing = new ProcessingSection(0, 0, "episode", "episode", []),
        };
        var plan = AdSlotPlanner.Plan(document, policy);
        return document with { AdSlots = plan.Slots, AdPolicy = plan.Policy };
    }

    /// <summary>The truth of <paramref name="episode"/>: scene starts where a new source begins, every other shot start inside a scene.</summary>
    public static TruthFile Truth(SceneEpisode episode, string name)
    {
        var starts = new List<int>();
        var inside = new List<int>();
        for (var i = 1; i < episode.Shots.Count; i++)
        {
            (episode.Labels[i] > 0.5f ? starts : inside).Add(Frame(episode.Shots[i].StartSeconds));
        }

        return new TruthFile { Video = name, Fps = Fps, FrameCount = Frame(episode.Shots.Count > 0 ? episode.Shots[^1].EndSeconds : 0), SceneStarts = starts, NotSceneBoundaries = inside };
    }

    private static int Frame(double seconds) => (int)Math.Round(seconds * Fps);
}
