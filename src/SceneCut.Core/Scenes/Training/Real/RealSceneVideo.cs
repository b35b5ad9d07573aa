using SceneCut.AdSlots;
using SceneCut.Evaluation.Real;
using SceneCut.Shots;
using SceneCut.Results;

namespace SceneCut.Scenes.Training.Real;

/// <summary>
/// A real edited video with hand-checked scene truth, analysed once (<see cref="FootageIndex"/>): its detected shots
/// as the scene model reads them and, per shot, 1 where a true scene starts.
/// </summary>
/// <param name="Truth">The hand-checked truth.</param>
/// <param name="Shots">Detected shots as the scene model reads them.</param>
/// <param name="Entries">The same shots with their frames, as a result document lists them (scenes are built on these).</param>
/// <param name="Labels">Per shot, 1 where a true scene starts (shot 0 is always 0).</param>
/// <param name="UnmatchedScenes">True scene starts with no detected shot start within the scene tolerance.</param>
public sealed record RealSceneVideo(RealTruth Truth, IReadOnlyList<ShotSummary> Shots, IReadOnlyList<ShotEntry> Entries, float[] Labels, int UnmatchedScenes)
{
    /// <summary>The unit of leave-one-source-out.</summary>
    public string Repository => Truth.Repository;

    /// <summary>
    /// Labels <paramref name="footage"/>'s shots with <paramref name="truth"/>'s scene starts: each true start marks the
    /// shot i ≥ 1 whose first frame lies nearest the start's span (<see cref="RealTruth.SceneSpans"/>), within the
    /// scorer's ±1 s, one shot per start.
    /// </summary>
    public static RealSceneVideo Of(RealTruth truth, FootageIndex footage)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(footage);
        var shots = footage.Summaries();
        var entries = ShotEntries(footage, truth.FrameCount);
        var labels = new float[shots.Count];
        var tolerance = (int)Math.Round(RealScorer.SceneToleranceSeconds * truth.Fps);
        var unmatched = 0;
        foreach (var (lo, hi) in truth.SceneSpans())
        {
            var best = -1;
            var bestDistance = int.MaxValue;
            for (var i = 1; i < entries.Count; i++)
            {
                var f = entries[i].StartFrame;
                var distance = f < lo ? lo - f : f > hi ? f - hi : 0;
                if (labels[i] == 0 && distance <= tolerance && distance < bestDistance)
                {
                    (best, bestDistance) = (i, distance);
                }
            }

            if (best > 0)
            {
                labels[best] = 1;
            }
            else
            {
                unmatched++;
            }
        }

        return new RealSceneVideo(truth, shots, entries, labels, unmatched);
    }

    private static List<ShotEntry> ShotEntries(FootageIndex footage, int frameCount)
    {
        var entries = new List<ShotEntry>(footage.Shots.Count);
        for (var i = 0; i < footage.Shots.Count; i++)
        {
            var shot = footage.Shots[i];
            var end = i + 1 < footage.Shots.Count ? footage.Shots[i + 1].StartFrame - 1 : Math.Max(shot.StartFrame, frameCount - 1);
            // The planner reads the kind of transition into a shot (a fade pins a slot); the index keeps the kind, not the span.
            var transition = shot.TransitionIn is { } kind && i > 0
                ? new TransitionEntry(TransitionKinds.NameOf(kind), shot.StartFrame, shot.StartFrame, shot.StartSeconds, shot.StartSeconds, 1)
                : null;
            entries.Add(new ShotEntry(i, shot.StartFrame, end, shot.StartSeconds, shot.EndSeconds, transition));
        }

        return entries;
    }

    /// <summary>
    /// The scene starts (frames, after the first scene) that detection reports for <paramref name="probabilities"/>:
    /// black shots open the scene that follows them, then <see cref="SceneBuilder"/> at the operating point.
    /// </summary>
    public IReadOnlyList<int> SceneStarts(double[] probabilities, SceneOperatingPoint point) =>
        Scenes(probabilities, point).Skip(1).Select(s => s.StartFrame).ToList();

    /// <summary>
    /// The ad slots <paramref name="policy"/> picks on the scenes of <paramref name="probabilities"/>, as frames (black
    /// shots stand in for black runs: the index keeps no frame-level black).
    /// </summary>
    public IReadOnlyList<int> Slots(double[] probabilities, SceneOperatingPoint point, AdPolicyOptions policy)
    {
        var scenes = Scenes(probabilities, point);
        var black = Entries.Where((_, i) => Shots[i].IsBlack)
            .Select(e => new BlackSegmentEntry(e.StartFrame, e.EndFrame, e.StartSeconds, e.EndSeconds, e.EndSeconds - e.StartSeconds))
            .ToList();
        var duration = Entries.Count == 0 ? 0 : Entries[^1].EndSeconds - Entries[0].StartSeconds;
        return AdSlotPlanner.Plan(Entries, scenes, black, Truth.Fps, duration, policy).Slots.Select(s => s.Frame).ToList();
    }

    /// <summary>How many of <paramref name="slots"/> lie within <paramref name="toleranceSeconds"/> of a true scene start's span.</summary>
    public int SlotHits(IReadOnlyList<int> slots, double toleranceSeconds)
    {
        var tolerance = toleranceSeconds * Truth.Fps;
        var spans = Truth.SceneSpans();
        return slots.Count(f => spans.Any(s => f >= s.Lo - tolerance && f <= s.Hi + tolerance));
    }

    /// <summary>Scores scene starts from <paramref name="probabilities"/> against the truth.</summary>
    public RealVideoScore Score(double[] probabilities, SceneOperatingPoint point) =>
        RealScorer.Score(Truth, Entries.Skip(1).Select(e => (e.StartFrame, e.StartFrame)).ToList(), SceneStarts(probabilities, point));

    // Black shots open the scene after them, then SceneBuilder at the operating point: what detection does.
    private IReadOnlyList<SceneEntry> Scenes(double[] probabilities, SceneOperatingPoint point)
    {
        var p = SceneStage.BlackShotsOpenScenes(Shots, (double[])probabilities.Clone());
        p[0] = 1.0;
        return SceneBuilder.Build(Entries, p, point.Threshold, point.MinSceneSeconds);
    }
}
