namespace SceneCut.Shots.Learned.Training;

/// <summary>
/// Shot-boundary counts as <c>tools/score_real.py</c> makes them (k frames of tolerance, one-to-one greedy by distance,
/// predictions touching an ambiguous span ignored, extra predictions inside a matched true interval not false), so
/// training can choose settings by the reference score without leaving .NET. Sums over videos with <c>+</c>.
/// </summary>
public readonly record struct ShotScore(int TruePositives, int FalsePositives, int FalseNegatives, int CutHits, int Cuts, int GradualHits, int Graduals)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double CutRecall => Cuts == 0 ? 1 : (double)CutHits / Cuts;

    public double GradualRecall => Graduals == 0 ? 1 : (double)GradualHits / Graduals;

    public static ShotScore operator +(ShotScore a, ShotScore b) => new(
        a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives,
        a.CutHits + b.CutHits, a.Cuts + b.Cuts, a.GradualHits + b.GradualHits, a.Graduals + b.Graduals);

    /// <summary>Scores <paramref name="predicted"/> transitions against <paramref name="truth"/>.</summary>
    public static ShotScore Of(LabelledVideo truth, IEnumerable<Transition> predicted, int k = 2)
    {
        static bool Overlaps((int S, int E) a, (int S, int E) b, int k) => a.S - k <= b.E && b.S - k <= a.E;
        var truths = truth.Transitions.Select(t => (t.Start, t.End)).ToList();
        var predictions = predicted.Select(p => (S: p.StartFrame, E: p.EndFrame))
            .Where(p => !truth.Ambiguous.Any(a => Overlaps(p, a, k))).ToList();
        var pairs = new List<(int Distance, int T, int P)>();
        for (var i = 0; i < truths.Count; i++)
        {
            for (var j = 0; j < predictions.Count; j++)
            {
                if (Overlaps(truths[i], predictions[j], k))
                {
                    pairs.Add((Math.Max(0, Math.Max(predictions[j].S - truths[i].End, truths[i].Start - predictions[j].E)), i, j));
                }
            }
        }

        var matchedTruth = new HashSet<int>();
        var matchedPrediction = new HashSet<int>();
        foreach (var (_, i, j) in pairs.OrderBy(p => p.Distance).ThenBy(p => p.T).ThenBy(p => p.P))
        {
            if (!matchedTruth.Contains(i) && !matchedPrediction.Contains(j))
            {
                matchedTruth.Add(i);
                matchedPrediction.Add(j);
            }
        }

        var falsePositives = Enumerable.Range(0, predictions.Count)
            .Count(j => !matchedPrediction.Contains(j) && !matchedTruth.Any(i => Overlaps(truths[i], predictions[j], k)));
        var cuts = truth.Transitions.Count(t => t.IsCut);
        var cutHits = matchedTruth.Count(i => truth.Transitions[i].IsCut);
        return new ShotScore(matchedTruth.Count, falsePositives, truths.Count - matchedTruth.Count,
            cutHits, cuts, matchedTruth.Count - cutHits, truths.Count - cuts);
    }
}
