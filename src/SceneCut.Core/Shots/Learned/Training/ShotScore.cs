using SceneCut.Evaluation.Real;

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
        var (truePositives, falsePositives, falseNegatives, matched) = RealScorer.Match(
            truth.Transitions.Select(t => (t.Start, t.End)).ToList(),
            predicted.Select(p => (p.StartFrame, p.EndFrame)).ToList(),
            k,
            truth.Ambiguous.ToList());
        var cuts = truth.Transitions.Count(t => t.IsCut);
        var cutHits = matched.Count(i => truth.Transitions[i].IsCut);
        return new ShotScore(truePositives, falsePositives, falseNegatives, cutHits, cuts, matched.Count - cutHits, truth.Transitions.Count - cuts);
    }
}
