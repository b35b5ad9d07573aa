namespace SceneCut.Evaluation.Real;

/// <summary>
/// Scores predicted transitions and scene starts of one video against its <see cref="RealTruth"/> with the rules of
/// the reference scorer <c>shared/tools/score_real.py</c> (a test runs both on the same predictions):
/// <list type="bullet">
/// <item>Shots: a predicted <c>[s, e]</c> matches a true transition when the two overlap once widened by k frames;
/// one-to-one, greedy by distance; a prediction overlapping an ambiguous span (widened by k) counts neither way; an
/// unmatched prediction inside an already matched true interval is the same event, not a false positive.</item>
/// <item>Scenes: a predicted start hits a true one when it lies in the true start's span
/// (<see cref="RealTruth.SceneSpans"/>) widened by the tolerance in frames; a start inside an ambiguous span counts
/// neither way.</item>
/// </list>
/// </summary>
public static class RealScorer
{
    /// <summary>The shot tolerance of the headline number, in frames.</summary>
    public const int ShotTolerance = 2;

    /// <summary>The scene tolerance of the headline number, in seconds.</summary>
    public const double SceneToleranceSeconds = 1.0;

    /// <summary>Scores one video. <paramref name="transitions"/> are predicted <c>[first, last]</c> frames (a cut is <c>[f, f]</c>).</summary>
    public static RealVideoScore Score(
        RealTruth truth,
        IReadOnlyList<(int First, int Last)> transitions,
        IReadOnlyList<int> sceneStarts,
        int shotTolerance = ShotTolerance,
        double sceneToleranceSeconds = SceneToleranceSeconds)
    {
        ArgumentNullException.ThrowIfNull(truth);
        var ambiguous = truth.Ambiguous.Select(a => (a[0], a[1])).ToList();
        var intervals = truth.Transitions.Select(t => (t.First, t.Last)).ToList();
        var shots = Match(intervals, transitions.Where(p => p.First > 0).ToList(), shotTolerance, ambiguous);
        var cuts = Hits(truth, shots.Matched, cut: true);
        var gradual = Hits(truth, shots.Matched, cut: false);

        // Python's round() rounds halves to even, as Math.Round does by default.
        var tolerance = (int)Math.Round(sceneToleranceSeconds * truth.Fps);
        var starts = sceneStarts.Where(f => f > 0 && !ambiguous.Any(a => Overlaps((f, f), a, 0))).Select(f => (f, f)).ToList();
        var scenes = Match(truth.SceneSpans(), starts, tolerance, []);
        return new RealVideoScore(
            truth.Name,
            new MatchCounts(shots.TruePositives, shots.FalsePositives, shots.FalseNegatives),
            cuts,
            gradual,
            new MatchCounts(scenes.TruePositives, scenes.FalsePositives, scenes.FalseNegatives));
    }

    private static (int Hit, int Total) Hits(RealTruth truth, IReadOnlySet<int> matched, bool cut)
    {
        var (hit, total) = (0, 0);
        for (var i = 0; i < truth.Transitions.Count; i++)
        {
            if (truth.Transitions[i].IsCut == cut)
            {
                total++;
                hit += matched.Contains(i) ? 1 : 0;
            }
        }

        return (hit, total);
    }

    private static bool Overlaps((int First, int Last) a, (int First, int Last) b, int k) => a.First - k <= b.Last && b.First - k <= a.Last;

    /// <summary>
    /// The reference scorer's matching: predictions overlapping an ambiguous span (widened by <paramref name="k"/>) are
    /// dropped; the rest match true intervals one-to-one, greedily by distance, when they overlap once widened by
    /// <paramref name="k"/>; an unmatched prediction inside a matched true interval is not a false positive.
    /// <c>Matched</c> holds the indices of the true intervals found.
    /// </summary>
    public static (int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlySet<int> Matched) Match(
        IReadOnlyList<(int First, int Last)> truth,
        IReadOnlyList<(int First, int Last)> predictions,
        int k,
        IReadOnlyList<(int First, int Last)> ambiguous)
    {
        var kept = predictions.Where(p => !ambiguous.Any(a => Overlaps(p, a, k))).ToList();
        var pairs = new List<(int Distance, int Truth, int Prediction)>();
        for (var i = 0; i < truth.Count; i++)
        {
            for (var j = 0; j < kept.Count; j++)
            {
                if (Overlaps(truth[i], kept[j], k))
                {
                    pairs.Add((Math.Max(0, Math.Max(kept[j].First - truth[i].Last, truth[i].First - kept[j].Last)), i, j));
                }
            }
        }

        // Greedy by distance, ties by truth then prediction order: the reference scorer sorts the same tuples.
        pairs.Sort();
        var matchedTruth = new HashSet<int>();
        var matchedPredictions = new HashSet<int>();
        foreach (var (_, i, j) in pairs)
        {
            if (!matchedTruth.Contains(i) && !matchedPredictions.Contains(j))
            {
                matchedTruth.Add(i);
                matchedPredictions.Add(j);
            }
        }

        // An unmatched prediction inside a matched true interval reports the same event again.
        var falsePositives = 0;
        for (var j = 0; j < kept.Count; j++)
        {
            if (!matchedPredictions.Contains(j) && !matchedTruth.Any(i => Overlaps(truth[i], kept[j], k)))
            {
                falsePositives++;
            }
        }

        return (matchedTruth.Count, falsePositives, truth.Count - matchedTruth.Count, matchedTruth);
    }
}
