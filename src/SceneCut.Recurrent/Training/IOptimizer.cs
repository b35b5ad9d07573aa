namespace SceneCut.Recurrent.Training;

/// <summary>Updates parameters from the gradients the backward pass added.</summary>
public interface IOptimizer
{
    void Step(IReadOnlyList<Parameter> parameters, float learningRate);
}
