using System.Numerics.Tensors;
using SceneCut.Recurrent.LinearAlgebra;

namespace SceneCut.Recurrent.Heads;

/// <summary>
/// y = x W + b over rows of features. It returns logits; the loss (or <see cref="OutputActivation"/> at
/// prediction time) applies sigmoid or softmax, which keeps the loss numerically stable.
/// </summary>
public sealed class LinearHead
{
    public LinearHead(int inputSize, int outputSize, Random random, string name = "head")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        InputSize = inputSize;
        OutputSize = outputSize;
        W = new Parameter($"{name}.W", inputSize, outputSize);
        B = new Parameter($"{name}.b", outputSize);
        float bound = 1f / MathF.Sqrt(inputSize);
        W.InitUniform(random, bound);
        B.InitUniform(random, bound);
    }

    public int InputSize { get; }

    public int OutputSize { get; }

    /// <summary>// (In, Out)</summary>
    public Parameter W { get; }

    /// <summary>// (Out)</summary>
    public Parameter B { get; }

    public IReadOnlyList<Parameter> Parameters => [W, B];

    /// <param name="x">// (N, In)</param>
    /// <returns>Logits. // (N, Out)</returns>
    public float[] Forward(ReadOnlySpan<float> x, int rows)
    {
        var y = new float[rows * OutputSize];
        for (int r = 0; r < rows; r++)
        {
            B.Value.CopyTo(y, r * OutputSize);
        }

        // y = x W + b
        Gemm.Multiply(x, W.Value, y, rows, InputSize, OutputSize, accumulate: true);
        return y;
    }

    /// <summary>Adds dW = xᵀ dY and db = Σ dY; returns dX = dY Wᵀ.</summary>
    /// <param name="x">The forward input. // (N, In)</param>
    /// <param name="dY">// (N, Out)</param>
    /// <returns>// (N, In)</returns>
    public float[] Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> dY, int rows)
    {
        Gemm.MultiplyTransposedA(x, dY, W.Gradient, InputSize, rows, OutputSize, accumulate: true);
        for (int r = 0; r < rows; r++)
        {
            TensorPrimitives.Add(B.Gradient, dY.Slice(r * OutputSize, OutputSize), B.Gradient);
        }

        var dX = new float[rows * InputSize];
        Gemm.MultiplyTransposedB(dY, W.Value, dX, rows, OutputSize, InputSize, accumulate: false);
        return dX;
    }
}
