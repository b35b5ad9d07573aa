using SceneCut.Evaluation;
using SceneCut.Pipeline;
using SceneCut.Tests.TestSupport;

namespace SceneCut.Tests.Evaluation;

/// <summary>
/// The foundation's bar on the real development clips (shared/data/truth): F1 at k = 2 of at least 0.95, gradual
/// recall of at least 0.8, no false cut on the clips without cuts, none at the flash frames.
/// </summary>
public sealed class DevSetEvaluationTests
{
    private static readonly Lazy<Task<IReadOnlyList<ClipEvaluation>>> Evaluations = new(() =>
        ShotEvaluator.EvaluateAsync(Path.Combine(SharedData.Folder!, "truth"), SharedData.Folder, new PipelineOptions(), CancellationToken.None));

    [SharedDataFact]
    public async Task DevSet_MicroAverageAtK2_MeetsTheBar()
    {
        var evaluations = await Evaluations.Value;
        var total = evaluations.Aggregate(BoundaryMatch.Empty, (sum, e) => sum + e.ByTolerance[2]);

        Assert.True(evaluations.Count >= 8, $"expected the 8 development clips, found {evaluations.Count}");
        Assert.True(total.All.F1 >= 0.95, $"F1 at k=2 is {total.All.F1:0.000}");
        Assert.True(total.Gradual.Recall >= 0.8, $"gradual recall at k=2 is {total.Gradual.Recall:0.000}");
        Assert.Equal(0, total.DistractorHits);
    }

    [SharedDataTheory]
    [InlineData("chaplin")]
    [InlineData("vtest")]
    [InlineData("tree")]
    [InlineData("Megamind_bugy")]
    public async Task DevSet_NoFalseTransitions(string clip)
    {
        var evaluation = (await Evaluations.Value).Single(e => e.Name == clip);

        Assert.Equal(0, evaluation.ByTolerance[2].All.FalsePositives);
        Assert.Equal(0, evaluation.ByTolerance[2].DistractorHits);
    }
}
