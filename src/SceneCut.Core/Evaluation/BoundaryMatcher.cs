namespace SceneCut.Evaluation;

/// <summary>
/// Scores predicted transitions against truth as <c>shared/design.md</c> defines it: a prediction hits a true
/// transition when it lies within the true interval widened by <c>k</c> frames; matching is one-to-one (closest pairs
/// first); predictions near an ambiguous frame that match nothing count neither way. Per category, true positives and
/// false negatives are counted over the true transitions of that category, false positives over its predictions.
/// </summary>
public static class BoundaryMatcher
{
    /// <summary>Counts for one clip at tolerance <paramref name="k"/>.</summary>
    public static BoundaryMatch Match(
        IReadOnlyList<BoundaryInterval> truth,
        IReadOnlyList<BoundaryInterval> predicted,
        int k,
        IReadOnlyCollection<int> ambiguous,
        IReadOnlyCollection<int> distractors)
    {
        var pairs = new List<(int Gap, int Truth, int Predicted)>();
        for (var t = 0; t < truth.Count; t++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                var gap = truth[t].GapTo(predicted[p]);
                if (gap <= k)
                {
                    pairs.Add((gap, t, p));
                }
            }
        }

        var truthMatched = new bool[truth.Count];
        var predictedMatched = new bool[predicted.Count];
        foreach (var (_, t, p) in pairs.OrderBy(x => x.Gap).ThenBy(x => truth[x.Truth].Start).ThenBy(x => predicted[x.Predicted].Start))
        {
            if (!truthMatched[t] && !predictedMatched[p])
            {
                truthMatched[t] = true;
                predictedMatched[p] = true;
            }
        }

        var all = default(MatchCounts);
        var cuts = default(MatchCounts);
        var gradual = default(MatchCounts);
        for (var t = 0; t < truth.Count; t++)
        {
            var counts = truthMatched[t] ? new MatchCounts(1, 0, 0) : new MatchCounts(0, 0, 1);
            all += counts;
            if (truth[t].Category == BoundaryCategory.Cut)
            {
                cuts += counts;
            }
            else
            {
                gradual += counts;
            }
        }

        var distractorHits = 0;
        for (var p = 0; p < predicted.Count; p++)
        {
            var prediction = predicted[p];
            if (distractors.Any(d => prediction.GapTo(new BoundaryInterval(d, d, BoundaryCategory.Cut)) == 0))
            {
                distractorHits++;
            }

            // Matched predictions were counted as true positives on the truth side; unmatched ones near an
            // ambiguous frame count neither way.
            if (predictedMatched[p] || ambiguous.Any(a => prediction.GapTo(new BoundaryInterval(a, a, BoundaryCategory.Cut)) <= k))
            {
                continue;
            }

            var falsePositive = new MatchCounts(0, 1, 0);
            all += falsePositive;
            if (prediction.Category == BoundaryCategory.Cut)
            {
                cuts += falsePositive;
            }
            else
            {
                gradual += falsePositive;
            }
        }

        return new BoundaryMatch(all, cuts, gradual, distractorHits);
    }
}
