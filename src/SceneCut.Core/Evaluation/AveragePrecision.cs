namespace SceneCut.Evaluation;

/// <summary>
/// Average precision as scikit-learn's <c>average_precision_score</c> computes it (the AP of LGSS and BaSSL):
/// rank by score, take precision P_n and recall R_n at every distinct score (tied scores enter together), and sum
/// <c>AP = Σ_n (R_n − R_{n−1}) · P_n</c> — no interpolation.
/// </summary>
public static class AveragePrecision
{
    /// <summary>
    /// AP of <paramref name="labels"/> ranked by probability. <paramref name="missedPositives"/> are true positives that
    /// never got a score (e.g. a true scene start no detected shot starts near): they count in the recall denominator
    /// and so cap the reachable recall. Null when there is no positive at all (AP is undefined).
    /// </summary>
    public static double? Compute(IReadOnlyList<ShotBoundaryLabel> labels, int missedPositives = 0)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegative(missedPositives);
        var positives = labels.Count(l => l.IsSceneStart) + missedPositives;
        if (positives == 0)
        {
            return null;
        }

        var ranked = labels.OrderByDescending(l => l.Probability).ToList();
        int truePositives = 0, falsePositives = 0;
        double ap = 0, previousRecall = 0;
        for (var i = 0; i < ranked.Count;)
        {
            // All labels sharing one score cross the threshold together.
            var score = ranked[i].Probability;
            for (; i < ranked.Count && ranked[i].Probability == score; i++)
            {
                if (ranked[i].IsSceneStart)
                {
                    truePositives++;
                }
                else
                {
                    falsePositives++;
                }
            }

            var recall = (double)truePositives / positives;
            var precision = (double)truePositives / (truePositives + falsePositives);
            ap += (recall - previousRecall) * precision;
            previousRecall = recall;
        }

        return ap;
    }
}
