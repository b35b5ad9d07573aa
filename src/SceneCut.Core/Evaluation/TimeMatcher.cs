namespace SceneCut.Evaluation;

/// <summary>One-to-one matching of two sets of times within a tolerance.</summary>
public static class TimeMatcher
{
    /// <summary>
    /// The most pairs (one predicted time, one true time, each used once) that lie within
    /// <paramref name="toleranceSeconds"/> of each other. On a line, walking both sorted lists and pairing the earliest
    /// compatible times is optimal.
    /// </summary>
    public static int CountMatches(IEnumerable<double> predicted, IEnumerable<double> truth, double toleranceSeconds)
    {
        var p = predicted.Order().ToList();
        var t = truth.Order().ToList();
        int i = 0, j = 0, matches = 0;
        while (i < p.Count && j < t.Count)
        {
            if (Math.Abs(p[i] - t[j]) <= toleranceSeconds)
            {
                matches++;
                i++;
                j++;
            }
            else if (p[i] < t[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return matches;
    }
}
