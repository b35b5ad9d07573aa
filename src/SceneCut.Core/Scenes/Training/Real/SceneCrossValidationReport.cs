using SceneCut.Evaluation;

namespace SceneCut.Scenes.Training.Real;

/// <summary>Leave-one-source-out results: per fold, and every held-out video's probabilities from the model that did not see its source.</summary>
/// <param name="Methods">Names of the methods, in the order of <see cref="SceneFold.Scenes"/>.</param>
/// <param name="Folds">One per source.</param>
/// <param name="OutOfFold">Per video name, the learned model's probabilities from the fold that held its source out.</param>
public sealed record SceneCrossValidationReport(IReadOnlyList<string> Methods, IReadOnlyList<SceneFold> Folds, IReadOnlyDictionary<string, double[]> OutOfFold)
{
    /// <summary>Counts of method <paramref name="m"/> summed over the folds (micro average).</summary>
    public MatchCounts Total(int m) => Folds.Aggregate(default(MatchCounts), (sum, f) => sum + f.Scenes[m]);

    /// <summary>The learned model's ad slots over all folds: on a true scene start, of all.</summary>
    public (int Hits, int Count) Slots => (Folds.Sum(f => f.Slots.Hits), Folds.Sum(f => f.Slots.Count));
}
