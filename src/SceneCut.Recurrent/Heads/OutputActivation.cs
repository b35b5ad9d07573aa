using System.Numerics.Tensors;

namespace SceneCut.Recurrent.Heads;

/// <summary>Turns logits into what a user reads: identity, sigmoid or softmax per row.</summary>
public static class OutputActivation
{
    public static void Apply(OutputKind kind, Span<float> values, int width)
    {
        switch (kind)
        {
            case OutputKind.Binary:
                TensorPrimitives.Sigmoid(values, values);
                break;
            case OutputKind.Classes:
                for (int r = 0; r < values.Length / width; r++)
                {
                    Span<float> row = values.Slice(r * width, width);
                    TensorPrimitives.SoftMax(row, row);
                }

                break;
        }
    }
}
